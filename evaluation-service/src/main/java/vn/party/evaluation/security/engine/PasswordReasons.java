package vn.party.evaluation.security.engine;

import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;

/**
 * Why a rule of the password policy refuses a password, as a field error's {@code reason} ({@code reason.<reason>} in
 * messages*.properties): one naming for every door that sets a password — the application's pages and API ({@code
 * Accounts}) and the engine's own check of a person's save ({@link IdentityLengths}: the engine REST API in both path
 * forms and Camunda Admin, which the engine answered "Password does not match policy", naming no field).
 */
public final class PasswordReasons {

  /** The reason for a refusal by the engine's own minimum-length rule. */
  static final String TOO_SHORT = "password-too-short";

  /** Any other rule's, when it names none. */
  static final String POLICY = "password-policy";

  /** A rule of the application's policy naming its own reason. */
  public interface Named {
    String reason();
  }

  private PasswordReasons() {}

  public static String of(PasswordPolicyRule rule) {
    if (rule instanceof Named named) {
      return named.reason();
    }
    return PasswordPolicyLengthRuleImpl.PLACEHOLDER.equals(rule.getPlaceholder())
        ? TOO_SHORT
        : POLICY;
  }
}
