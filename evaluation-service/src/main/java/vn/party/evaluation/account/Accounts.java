package vn.party.evaluation.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.account.flow.PartyPasswordPolicy;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.Outbox;
import vn.party.evaluation.roster.RosterAccess;
import vn.party.evaluation.roster.Rosters;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.security.SystemAccess;
import vn.party.evaluation.security.engine.PasswordReasons;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.FieldProblem;

/**
 * Passwords of the accounts, for every caller (our pages and API, a roster import or account creation to come):
 * <ul>
 *   <li>{@link #issueOneTimePassword}: a new random password for an account, which its holder must change at first
 *   sign-in (flag in {@code account_password});</li>
 *   <li>{@link #resetPassword}: the same, asked by an administrator or the grassroots committee of the member's
 *   organization, for whom the answer is the same "not found" whether the account does not exist or is not theirs;</li>
 *   <li>{@link #changePassword}: the holder sets their own, checked against the policy ({@link PartyPasswordPolicy});
 *   the flag is cleared.</li>
 * </ul>
 * Every change is published as {@code vn.party.evaluation.account.changed} (key and data: the user id), for services
 * that keep anything about an account.
 */
@Component
public class Accounts {

  public static final String ACCOUNT_CHANGED = EventTypes.ACCOUNT_CHANGED;

  /**
   * {@code reset_by} of the one-time passwords of the roster imports before the importer was recorded (eighth session's
   * outsider, 3b), and of an import without one: no person, the system.
   */
  public static final String ROSTER_IMPORT = "roster-import";

  /** Letters and digits that cannot be mistaken for one another when read out or copied from paper. */
  private static final char[] ALPHABET =
      "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private static final int ONE_TIME_LENGTH = 14;

  /**
   * Data of {@code account.changed}. {@code changedBy}: the user id of who set the password when it is not the
   * holder (issue 12: notification-service tells the holder who it was); left out when the holder set it or when no
   * person did (the roster import).
   */
  public record AccountChanged(
      String userId, String change, @JsonInclude(JsonInclude.Include.NON_NULL) String changedBy) {}

  private final IdentityService identityService;
  private final SystemAccess systemAccess;
  private final PasswordFlags flags;
  private final Rosters rosters;
  private final Outbox outbox;
  private final SignInThrottle throttle;
  private final SecureRandom random = new SecureRandom();

  public Accounts(
      IdentityService identityService,
      SystemAccess systemAccess,
      PasswordFlags flags,
      Rosters rosters,
      Outbox outbox,
      SignInThrottle throttle) {
    this.throttle = throttle;
    this.identityService = identityService;
    this.systemAccess = systemAccess;
    this.flags = flags;
    this.rosters = rosters;
    this.outbox = outbox;
  }

  /**
   * Sets a new random password for an existing account and makes its holder change it at first sign-in. For callers
   * that have already decided this may be done (account creation, roster import); people go through
   * {@link #resetPassword}. Returns the password, to be handed over once; it is kept nowhere.
   *
   * @throws ApiException 404 when there is no such account
   */
  @Transactional
  public String issueOneTimePassword(String userId, String issuedBy) {
    String password = newOneTimePassword(userId);
    systemAccess.call(
        () -> {
          User user = identityService.createUserQuery().userId(userId).singleResult();
          if (user == null) {
            throw ApiException.notFound("error.account.not-found", userId);
          }
          user.setPassword(password);
          identityService.saveUser(user);
          return null;
        });
    oneTimePasswordSet(userId, issuedBy);
    return password;
  }

  /**
   * A one-time password for the account (random, passing the policy, without the user id), set nowhere yet: for a
   * caller that sets it itself, as the account is created ({@link MemberAccounts#createAll}), and then tells {@link
   * #oneTimePasswordSet}.
   */
  String newOneTimePassword(String userId) {
    return generate(userId);
  }

  /**
   * Records that the account's password was set to a one-time password by {@code issuedBy} (or the roster import):
   * it must be changed at first sign-in, the setting is recorded for the administrators and auditors and the holder is
   * told (who, when) — issue 12, in the caller's transaction. No engine command.
   */
  void oneTimePasswordSet(String userId, String issuedBy) {
    boolean byImport = ROSTER_IMPORT.equals(issuedBy);
    flags.setBySomeoneElse(
        userId, issuedBy, byImport ? PasswordResets.Door.ROSTER_IMPORT : PasswordResets.Door.RESET);
    outbox.publish(
        ACCOUNT_CHANGED,
        userId,
        new AccountChanged(userId, "ONE_TIME_PASSWORD", byImport ? null : issuedBy));
  }

  /**
   * As {@link #oneTimePasswordSet}, for a one-time password the roster import issued: recorded as set by the importer
   * through the import's door — the auditors' page said "the system" (eighth session's outsider, 3b) — and the
   * holder's notice ({@code account.changed}) names the importer too: it said "set by the system when the account was
   * made" for an account the import took over (ninth session's outsider, finding 4).
   */
  void oneTimePasswordSetByImport(String userId, String importer) {
    boolean known = importer != null && !importer.isBlank();
    flags.setBySomeoneElse(
        userId, known ? importer : ROSTER_IMPORT, PasswordResets.Door.ROSTER_IMPORT);
    outbox.publish(
        ACCOUNT_CHANGED,
        userId,
        new AccountChanged(userId, "ONE_TIME_PASSWORD", known ? importer : null));
  }

  /**
   * A one-time password for a member's account, asked by an administrator (any account) or by the grassroots
   * committee of the member's organization. Anyone else, and an account that does not exist, get the same 404.
   */
  @Transactional
  public String resetPassword(String userId, CurrentUser by) {
    if (!mayReset(userId, by)) {
      throw ApiException.notFound("error.account.not-found", userId);
    }
    return issueOneTimePassword(userId, by.userId());
  }

  public boolean mayReset(String userId, CurrentUser by) {
    if (by.isAdmin()) {
      return exists(userId);
    }
    return !by.userId().equals(userId)
        && rosters.find(userId).map(roster -> RosterAccess.mayChange(roster, by)).orElse(false);
  }

  /**
   * The holder changes their own password: the current one must be right, the new one must pass the policy and differ
   * from the current one. Refusals name the field ({@code currentPassword}, {@code newPassword}) and the rule. While
   * the account or the caller's address waits after failed sign-ins ({@link SignInThrottle}), 429 saying how long
   * ({@code error.sign-in-throttled}, its seconds the message's argument), the password untried.
   */
  @Transactional
  public void changePassword(String userId, String currentPassword, String newPassword) {
    List<FieldProblem> problems = new ArrayList<>();
    Optional<SignInThrottle.HeldBack> wait = throttle.holdBack(userId, ClientAddress.current());
    if (wait.isPresent()) {
      // the account (or the caller's address) waits: the password is not tried, and the person is
      // told what the sign-in doors tell (how long to wait, 429), not that it is wrong (tenth
      // session's outsider, LOW 5: the engine's check answers false while a key waits)
      long seconds = SignInThrottleFilter.seconds(wait.get().duration());
      throw new ApiException(
          HttpStatus.TOO_MANY_REQUESTS,
          wait.get().messageKey(),
          List.of(new FieldProblem("currentPassword", "sign-in-throttled", null)),
          seconds);
    }
    if (currentPassword == null || currentPassword.isEmpty()) {
      problems.add(new FieldProblem("currentPassword", "required", null));
    } else if (!identityService.checkPassword(userId, currentPassword)) {
      problems.add(new FieldProblem("currentPassword", "wrong-password", null));
    }
    if (newPassword == null || newPassword.isEmpty()) {
      problems.add(new FieldProblem("newPassword", "required", null));
    } else {
      problems.addAll(policyProblems(userId, newPassword));
      if (newPassword.equals(currentPassword)) {
        problems.add(new FieldProblem("newPassword", "same-password", null));
      }
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    systemAccess.call(
        () -> {
          User user = identityService.createUserQuery().userId(userId).singleResult();
          user.setPassword(newPassword);
          identityService.saveUser(user);
          return null;
        });
    flags.set(userId, false, userId);
    outbox.publish(ACCOUNT_CHANGED, userId, new AccountChanged(userId, "PASSWORD_CHANGED", null));
  }

  /** The policy's refusals of a password for this account, as field problems of {@code newPassword}. */
  public List<FieldProblem> policyProblems(String userId, String password) {
    User user =
        systemAccess.call(() -> identityService.createUserQuery().userId(userId).singleResult());
    PasswordPolicyResult result =
        identityService.checkPasswordAgainstPolicy(new PartyPasswordPolicy(), password, user);
    return result.getViolatedRules().stream().map(Accounts::problem).toList();
  }

  public boolean mustChangePassword(String userId) {
    return flags.mustChange(userId);
  }

  private static FieldProblem problem(PasswordPolicyRule rule) {
    return new FieldProblem("newPassword", PasswordReasons.of(rule), null);
  }

  private boolean exists(String userId) {
    return systemAccess.call(() -> identityService.createUserQuery().userId(userId).count() > 0);
  }

  private String generate(String userId) {
    PartyPasswordPolicy policy = new PartyPasswordPolicy();
    while (true) {
      StringBuilder password = new StringBuilder(ONE_TIME_LENGTH);
      for (int i = 0; i < ONE_TIME_LENGTH; i++) {
        password.append(ALPHABET[random.nextInt(ALPHABET.length)]);
      }
      String candidate = password.toString();
      if (policy.getRules().stream()
          .allMatch(
              rule ->
                  rule.execute(candidate)
                      && !candidate
                          .toLowerCase(Locale.ROOT)
                          .contains(userId.toLowerCase(Locale.ROOT)))) {
        return candidate;
      }
    }
  }
}
