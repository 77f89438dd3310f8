package vn.party.evaluation.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.account.flow.PartyPasswordPolicy;

/** The policy's rules one by one, as the engine runs them for every door that sets a password. */
class PartyPasswordPolicyTest {

  private final PartyPasswordPolicy policy = new PartyPasswordPolicy();

  private boolean accepted(String password) {
    UserEntity user = new UserEntity("nguyen.van.a");
    return policy.getRules().stream()
        .allMatch(rule -> rule.execute(password) && rule.execute(password, user));
  }

  private String refusedBy(String password) {
    UserEntity user = new UserEntity("nguyen.van.a");
    return policy.getRules().stream()
        .filter(rule -> !rule.execute(password) || !rule.execute(password, user))
        .map(PasswordPolicyRule::getPlaceholder)
        .findFirst()
        .orElse("accepted");
  }

  @Test
  void tenSpacesOrOneLetterTenTimesAreRefusedForWantOfVariety() {
    assertThat(refusedBy("          ")).isEqualTo(PartyPasswordPolicy.VarietyRule.PLACEHOLDER);
    assertThat(refusedBy("aaaaaaaaaa")).isEqualTo(PartyPasswordPolicy.VarietyRule.PLACEHOLDER);
    assertThat(refusedBy("abab abab abab")).isEqualTo(PartyPasswordPolicy.VarietyRule.PLACEHOLDER);
    assertThat(refusedBy("abcd abcd abcd"))
        .as("four different letters")
        .isEqualTo(PartyPasswordPolicy.VarietyRule.PLACEHOLDER);
  }

  @Test
  void aRealPassphrasePassesEveryRule() {
    assertThat(accepted("Sông-Hàn-chiều-thu-7")).isTrue();
    assertThat(accepted("abcde abcde")).as("five different characters are enough").isTrue();
  }

  @Test
  void theOtherRulesStillRefuseWhatTheyDid() {
    assertThat(refusedBy("short")).isEqualTo("PASSWORD_POLICY_LENGTH");
    assertThat(refusedBy("x-nguyen.van.a-x"))
        .isEqualTo(PartyPasswordPolicy.NotUserIdRule.PLACEHOLDER);
    assertThat(refusedBy("sunshine2026!"))
        .isEqualTo(PartyPasswordPolicy.CommonPasswordRule.PLACEHOLDER);
  }

  @Test
  void aPasswordOfMoreThan128CharactersIsRefused() {
    String base = "Sông-Hàn-chiều-thu-7-";
    assertThat(accepted((base + "y".repeat(200)).substring(0, 128))).isTrue();
    assertThat(refusedBy((base + "y".repeat(200)).substring(0, 129)))
        .isEqualTo(PartyPasswordPolicy.MaxLengthRule.PLACEHOLDER);
    assertThat(refusedBy(base + "y".repeat(20_000)))
        .isEqualTo(PartyPasswordPolicy.MaxLengthRule.PLACEHOLDER);
  }
}
