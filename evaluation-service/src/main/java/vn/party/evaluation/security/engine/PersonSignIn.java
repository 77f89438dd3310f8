package vn.party.evaluation.security.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's sign-in with a password (HTTP Basic on the domain API, the pages' form) in one statement (issue 15: an
 * API client signs in with each request, and each sign-in cost two engine commands — two transactions — and three
 * queries: the password, the groups, the must-change flag).
 *
 * <p>One query reads the account's stored password hash and salt, its groups (as the engine's group query by member
 * finds them: the groups it is a member of, by id) and whether its password was set by someone else and must be
 * changed first (table {@code evaluation.account_password}, kept by {@code account.PasswordFlags}). The password is
 * checked as the engine checks it ({@code DbIdentityServiceProvider.matchPassword}: the engine's own password manager
 * on the password with the account's salt), under the same sign-in throttle ({@link PasswordTries}: no try while the
 * account or the address waits, every failure counted, a success clears the account's count). An account the
 * engine's old lock left marked (failed attempts, a lock time) or one without a stored password goes through the
 * engine's own check in an engine command, which clears the mark. Nothing is remembered: each sign-in reads afresh,
 * so a password changed, a group left or an account disabled counts from the next request on.
 */
@Component
public class PersonSignIn {

  /**
   * Who signed in: their groups (by id, in order), whether they must change their password first, and a digest of
   * the stored password hash they signed in with (never the hash itself), so that a session can tell when the
   * password was set anew since ({@code security.SessionRights}).
   */
  public record SignedIn(List<String> groups, boolean mustChangePassword, String passwordDigest) {}

  /** The account as the sign-in reads it (the stored hash never leaves this class). */
  private record Stored(
      String password, String salt, boolean leftMarked, List<String> groups, boolean mustChange) {

    SignedIn signedIn() {
      return new SignedIn(groups, mustChange, digest(password));
    }
  }

  private static final String GROUPS =
      "array(select G.ID_ from ACT_ID_GROUP G join ACT_ID_MEMBERSHIP M on M.GROUP_ID_ = G.ID_"
          + " where M.USER_ID_ = U.ID_ order by G.ID_)";

  private static final String MUST_CHANGE =
      "coalesce((select P.must_change from evaluation.account_password P where P.user_id = U.ID_),"
          + " false)";

  private static final String ACCOUNT =
      "select U.PWD_, U.SALT_, coalesce(U.ATTEMPTS_, 0) > 0 or U.LOCK_EXP_TIME_ is not null, "
          + GROUPS
          + ", "
          + MUST_CHANGE
          + " from ACT_ID_USER U where U.ID_ = :id";

  private final ProcessEngineConfigurationImpl configuration;
  private final JdbcClient jdbc;
  private final PasswordTries tries;

  public PersonSignIn(
      ProcessEngineConfigurationImpl configuration, JdbcClient jdbc, PasswordTries tries) {
    this.configuration = configuration;
    this.jdbc = jdbc;
    this.tries = tries;
  }

  /** Who signed in, when the password is theirs; empty otherwise (wrong, unknown user, or the throttle refuses). */
  public Optional<SignedIn> check(String userId, String password) {
    if (userId == null || password == null || !tries.mayTry(userId)) {
      return Optional.empty();
    }
    Optional<Stored> stored = read(userId);
    if (stored.isEmpty()) {
      tries.missed(userId);
      return Optional.empty();
    }
    Stored account = stored.get();
    if (account.password() == null || account.leftMarked()) {
      return checkedByTheEngine(userId, password);
    }
    boolean matches =
        configuration
            .getPasswordManager()
            .check(EncryptionUtil.saltPassword(password, account.salt()), account.password());
    if (!matches) {
      tries.missed(userId);
      return Optional.empty();
    }
    tries.matched(userId);
    return Optional.of(account.signedIn());
  }

  /**
   * The account as it is now, without a password (for a session's later requests: its groups, the must-change flag
   * and the digest of its stored password hash, in the same one query); empty when the account no longer exists.
   */
  public Optional<SignedIn> current(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    return read(userId).map(Stored::signedIn);
  }

  /** A digest (SHA-256, Base64) of a stored password hash; of none, the digest of the empty text. */
  static String digest(String storedPassword) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (storedPassword == null ? "" : storedPassword).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The engine's own check (throttled, clearing an old lock's mark), then the account read again. */
  private Optional<SignedIn> checkedByTheEngine(String userId, String password) {
    if (!configuration.getIdentityService().checkPassword(userId, password)) {
      return Optional.empty();
    }
    return read(userId).map(Stored::signedIn);
  }

  /** The account in the one query; empty when there is none. */
  private Optional<Stored> read(String userId) {
    return jdbc.sql(ACCOUNT).param("id", userId).query(PersonSignIn::stored).optional();
  }

  private static Stored stored(ResultSet row, int n) throws SQLException {
    Array groups = row.getArray(4);
    try {
      return new Stored(
          row.getString(1),
          row.getString(2),
          row.getBoolean(3),
          List.copyOf(Arrays.asList((String[]) groups.getArray())),
          row.getBoolean(5));
    } finally {
      groups.free();
    }
  }
}
