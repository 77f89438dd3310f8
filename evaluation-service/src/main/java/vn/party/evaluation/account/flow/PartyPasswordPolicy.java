package vn.party.evaluation.account.flow;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import vn.party.evaluation.security.engine.PasswordReasons;

/**
 * The password policy, as the engine's {@link PasswordPolicy} so that every door that sets a password applies it:
 * Camunda Admin and the engine REST API (the engine refuses a user saved with a weak password) and our own pages
 * and API ({@code Accounts}). At least {@value #MIN_LENGTH} and at most {@value MaxLengthRule#MAX_LENGTH}
 * characters (issue 12: a 20,000-character password was taken, and then no HTTP Basic header could carry it), not containing the user id, not a listed
 * common password (resource {@code accounts/common-passwords.txt}), at least 5 different characters other than
 * spaces. Each rule has a placeholder the messages
 * translate: {@code password-policy.<placeholder>} in messages*.properties, and names the field error's reason of a
 * password it refuses ({@link PasswordReasons}, the same at every door).
 */
public class PartyPasswordPolicy implements PasswordPolicy {

  public static final int MIN_LENGTH = 10;

  private final List<PasswordPolicyRule> rules =
      List.of(
          new PasswordPolicyLengthRuleImpl(MIN_LENGTH),
          new MaxLengthRule(),
          new VarietyRule(),
          new NotUserIdRule(),
          new CommonPasswordRule());

  @Override
  public List<PasswordPolicyRule> getRules() {
    return rules;
  }

  /** A rule with its placeholder (the messages' key), the field error's reason and the values its message shows. */
  abstract static class NamedRule implements PasswordPolicyRule, PasswordReasons.Named {

    private final String placeholder;
    private final String reason;
    private final Map<String, String> parameters;

    NamedRule(String placeholder, String reason, Map<String, String> parameters) {
      this.placeholder = placeholder;
      this.reason = reason;
      this.parameters = parameters;
    }

    @Override
    public String reason() {
      return reason;
    }

    @Override
    public String getPlaceholder() {
      return placeholder;
    }

    @Override
    public Map<String, String> getParameters() {
      return parameters;
    }
  }

  /**
   * At most {@value #MAX_LENGTH} characters (code points): a longer password does not fit the request headers that
   * carry it (HTTP Basic on the API and the engine REST API), so the account would lock itself out of every door but
   * the form.
   */
  public static final class MaxLengthRule extends NamedRule {

    public static final String PLACEHOLDER = "PASSWORD_POLICY_MAX_LENGTH";
    public static final int MAX_LENGTH = 128;

    public MaxLengthRule() {
      super(PLACEHOLDER, "password-too-long", Map.of("maxLength", Integer.toString(MAX_LENGTH)));
    }

    @Override
    public boolean execute(String password) {
      return password == null || password.codePointCount(0, password.length()) <= MAX_LENGTH;
    }
  }

  /**
   * At least {@value #MIN_DISTINCT} different characters other than spaces: ten spaces or "aaaaaaaaaa" pass the
   * length rule and nothing else should let them through.
   */
  public static final class VarietyRule extends NamedRule {

    public static final String PLACEHOLDER = "PASSWORD_POLICY_VARIETY";
    public static final int MIN_DISTINCT = 5;

    public VarietyRule() {
      super(
          PLACEHOLDER,
          "password-too-simple",
          Map.of("minDistinct", Integer.toString(MIN_DISTINCT)));
    }

    @Override
    public boolean execute(String password) {
      return password == null
          || password.codePoints().filter(c -> !Character.isWhitespace(c)).distinct().count()
              >= MIN_DISTINCT;
    }
  }

  /** Not the user id, nor containing it (the first guess of anyone who knows the id, and ids are predictable). */
  public static final class NotUserIdRule extends NamedRule {

    public static final String PLACEHOLDER = "PASSWORD_POLICY_USER_DATA";

    public NotUserIdRule() {
      super(PLACEHOLDER, "password-contains-user-id", Map.of());
    }

    @Override
    public boolean execute(String password) {
      return true;
    }

    @Override
    public boolean execute(String password, User user) {
      if (password == null || user == null || user.getId() == null || user.getId().isBlank()) {
        return true;
      }
      return !password
          .toLowerCase(Locale.ROOT)
          .contains(user.getId().trim().toLowerCase(Locale.ROOT));
    }
  }

  /** Not a listed common password, also not one with digits or symbols added at its end ("password2026!"). */
  public static final class CommonPasswordRule extends NamedRule {

    public static final String PLACEHOLDER = "PASSWORD_POLICY_COMMON";
    private static final Set<String> COMMON = load();

    public CommonPasswordRule() {
      super(PLACEHOLDER, "password-too-common", Map.of());
    }

    @Override
    public boolean execute(String password) {
      if (password == null) {
        return true;
      }
      String lower = password.trim().toLowerCase(Locale.ROOT);
      String stem = lower.replaceAll("[^\\p{L}]+$", "");
      return !COMMON.contains(lower) && !(stem.length() >= 4 && COMMON.contains(stem));
    }

    private static Set<String> load() {
      var stream = PartyPasswordPolicy.class.getResourceAsStream("/accounts/common-passwords.txt");
      if (stream == null) {
        throw new IllegalStateException("accounts/common-passwords.txt is missing");
      }
      Set<String> words = new HashSet<>();
      try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        reader
            .lines()
            .map(String::trim)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .map(line -> line.toLowerCase(Locale.ROOT))
            .forEach(words::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Set.copyOf(words);
    }
  }
}
