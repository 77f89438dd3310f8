package vn.party.evaluation.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import vn.party.evaluation.account.flow.SavedUsers;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.security.engine.PasswordSetters;

/**
 * The engine's password check with {@link SignInThrottle} instead of the engine's own lock. Every door checks
 * passwords here ({@code IdentityService.checkPassword}: our HTTP Basic and form sign-in, the engine REST API's
 * filter and {@code /identity/verify}, the webapps' sign-in), so every door counts failures and refuses while a key
 * waits. The engine's lock ({@code loginMaxAttempts}: ten wrong passwords locked an account until an administrator
 * unlocked it) is switched off: {@link #isUserLocked} is never true and {@link #lockUser} records nothing, which also
 * frees accounts the old lock left locked.
 *
 * <p>Also the one place where the engine saves a user, so the place to keep members from changing the profile
 * fields their notices are routed and named by (e-mail, first and last name): only administrators (and the system)
 * change them, whatever the door ({@code PUT /engine-rest/user/{id}/profile}, the named-engine form, Camunda Admin's
 * {@code /camunda/api/admin/...} and {@code /camunda/api/engine/...}, Java callers). A member may still set their own
 * password (the password policy applies).
 *
 * <p>And the place that sees every password a person sets through the engine: one set for someone else (Camunda
 * Admin, {@code POST /engine-rest/user/create}, {@code PUT /engine-rest/user/{id}/credentials}) must be changed at
 * first sign-in ({@link PasswordsSetInEngine}). And every change of an account's e-mail address, told to the address
 * it was ({@link EmailChanges}).
 */
public class ThrottledIdentityProvider extends DbIdentityServiceProvider {

  private final SignInThrottle throttle;
  private Supplier<PasswordsSetInEngine> passwordsSet = () -> null;
  private Supplier<EmailChanges> emailChanges = () -> null;

  ThrottledIdentityProvider(SignInThrottle throttle) {
    this.throttle = throttle;
  }

  void passwordsSet(Supplier<PasswordsSetInEngine> passwordsSet) {
    this.passwordsSet = passwordsSet;
  }

  void emailChanges(Supplier<EmailChanges> emailChanges) {
    this.emailChanges = emailChanges;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    String address = ClientAddress.current();
    if (throttle.waitFor(userId, address).isPresent()) {
      return false;
    }
    boolean matches = super.checkPassword(userId, password);
    if (matches) {
      throttle.succeeded(userId);
    } else {
      throttle.failed(userId, address);
    }
    return matches;
  }

  @Override
  public IdentityOperationResult saveUser(User user) {
    Authentication authentication = Context.getCommandContext().getAuthentication();
    // an account saved before (not one being created) is read as stored: its address, to tell if it
    // changes
    String[] stored = SavedUsers.storedBefore(user, ThrottledIdentityProvider::storedProfile);
    if (authentication != null && authentication.getUserId() != null && !isAdmin(authentication)) {
      if (stored != null
          && !(Objects.equals(stored[0], user.getFirstName())
              && Objects.equals(stored[1], user.getLastName())
              && Objects.equals(stored[2], user.getEmail()))) {
        throw new AuthorizationException(
            "The profile of user "
                + user.getId()
                + " (e-mail, names) is kept by administrators: "
                + authentication.getUserId()
                + " may not change it");
      }
    }
    // a person setting a password through the engine (the policy was checked by the engine's
    // SaveUserCmd): someone
    // else's must be changed at first sign-in, one's own is changed (issue 12)
    Optional<PasswordSetters.PasswordSet> password = PasswordSetters.of(user);
    IdentityOperationResult result = super.saveUser(user);
    PasswordsSetInEngine told = passwordsSet.get();
    if (password.isPresent() && told != null) {
      told.saved(password.get());
    }
    EmailChanges emails = emailChanges.get();
    if (stored != null && emails != null) {
      // the previous address is told (seventh session's outsider, 5b), whoever changed it
      SavedUsers.tellEmailChange(emails, user, stored, authentication);
    }
    return result;
  }

  private static boolean isAdmin(Authentication authentication) {
    return authentication.getGroupIds() != null
        && authentication.getGroupIds().contains(Groups.ADMINS);
  }

  /** As stored, read past the engine's entity cache (the caller's copy may be the cached one, already changed). */
  private static String[] storedProfile(String userId) {
    Connection connection =
        Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
    try (PreparedStatement select =
        connection.prepareStatement(
            "select FIRST_, LAST_, EMAIL_ from ACT_ID_USER where ID_ = ?")) {
      select.setString(1, userId);
      try (ResultSet row = select.executeQuery()) {
        return row.next()
            ? new String[] {row.getString(1), row.getString(2), row.getString(3)}
            : null;
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("could not read the stored profile of " + userId, e);
    }
  }

  @Override
  protected boolean isUserLocked(UserEntity user) {
    return false;
  }

  @Override
  protected void lockUser(UserEntity user) {
    // no lock: the throttle makes the guesser wait instead
  }

  /** Opens this provider in every engine command (the engine asks for its identity provider by session type). */
  static final class Factory implements SessionFactory {

    private final SignInThrottle throttle;
    private final Supplier<PasswordsSetInEngine> passwordsSet;
    private final Supplier<EmailChanges> emailChanges;

    Factory(
        SignInThrottle throttle,
        Supplier<PasswordsSetInEngine> passwordsSet,
        Supplier<EmailChanges> emailChanges) {
      this.throttle = throttle;
      this.passwordsSet = passwordsSet;
      this.emailChanges = emailChanges;
    }

    @Override
    public Class<?> getSessionType() {
      return ThrottledIdentityProvider.class;
    }

    @Override
    public Session openSession() {
      ThrottledIdentityProvider provider = new ThrottledIdentityProvider(throttle);
      provider.passwordsSet(passwordsSet);
      provider.emailChanges(emailChanges);
      return provider;
    }
  }
}
