package vn.party.evaluation.security.engine;

/**
 * Whether the application's own records name a user: a party member (the roster), a committee seat, an entry of an
 * evaluation's timeline. Such a person's account is disabled through the application when they leave, never deleted
 * ({@link UserDeletions}). Read outside the engine's command, by the application's tables.
 */
@FunctionalInterface
public interface ApplicationPeople {

  boolean knows(String userId);
}
