package vn.party.evaluation.security.engine;

import java.util.Optional;

/**
 * What the application's own records say of a user, read outside the engine's command from the application's
 * tables: whether they name the user — a party member (the roster), a committee seat, an entry of an evaluation's
 * timeline; such a person's account is disabled through the application when they leave, never deleted ({@link
 * UserDeletions}) — and the e-mail address the roster holds for a party member ({@link MemberEmails}).
 */
public interface ApplicationPeople {

  boolean knows(String userId);

  /**
   * The roster's e-mail address of the party member with this user id: empty when the user is no party member; an
   * empty string when the roster holds no address for them.
   */
  Optional<String> rosterEmail(String userId);
}
