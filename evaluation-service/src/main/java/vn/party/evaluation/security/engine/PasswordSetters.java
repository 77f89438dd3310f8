package vn.party.evaluation.security.engine;

import java.util.Optional;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Who sets a password in the engine command being run (the engine's side, for the identity provider that saves users):
 * a person — the engine's current authentication is set: engine REST in both path forms, Camunda Admin, a Java caller
 * running as a person — giving a user a new password. The application's own writes run without a person
 * ({@code SystemAccess}) and are not seen here.
 */
public final class PasswordSetters {

  /** A new password for {@code userId}, set by the person {@code byUserId}. */
  public record PasswordSet(String userId, String byUserId) {

    public boolean bySomeoneElse() {
      return !userId.equals(byUserId);
    }
  }

  private PasswordSetters() {}

  /** The password this save sets and who sets it; empty when it sets none or runs without a person. */
  public static Optional<PasswordSet> of(User user) {
    if (!(user instanceof UserEntity entity)
        || !entity.hasNewPassword()
        || Context.getCommandContext() == null) {
      return Optional.empty();
    }
    Authentication authentication = Context.getCommandContext().getAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return Optional.empty();
    }
    return Optional.of(new PasswordSet(user.getId(), authentication.getUserId()));
  }
}
