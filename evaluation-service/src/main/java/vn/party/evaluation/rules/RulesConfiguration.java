package vn.party.evaluation.rules;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rule book of module {@code processes} (versioned DMN tables per regulation), with the values that are not
 * verified against the text in force taken from configuration ({@code evaluation.rules.*}).
 */
@Configuration
@EnableConfigurationProperties(RulesConfiguration.RulesProperties.class)
public class RulesConfiguration {

  /**
   * @param excellentQuotaRatio EXCELLENT ≤ ratio × GOOD (default 0.20; under QD-366-2025 unverified)
   * @param notCompletedBelow QD-366-2025 score under which a member is NOT_COMPLETED (default 50; unverified)
   * @param excellentVote share of the branch vote an EXCELLENT proposal needs (default "&gt;=2/3"; unverified)
   * @param goodVote share a GOOD proposal needs (default "&gt;1/2"; unverified)
   */
  @ConfigurationProperties("evaluation.rules")
  public record RulesProperties(
      BigDecimal excellentQuotaRatio,
      Integer notCompletedBelow,
      String excellentVote,
      String goodVote) {}

  @Bean
  RuleBook ruleBook(RulesProperties properties) {
    RuleSettings settings = RuleSettings.defaults();
    if (properties.excellentQuotaRatio() != null) {
      settings = settings.withExcellentQuotaRatio(properties.excellentQuotaRatio());
    }
    if (properties.notCompletedBelow() != null) {
      settings = settings.withNotCompletedBelow(properties.notCompletedBelow());
    }
    if (properties.excellentVote() != null) {
      settings = settings.withExcellentVote(VoteThreshold.parse(properties.excellentVote()));
    }
    if (properties.goodVote() != null) {
      settings = settings.withGoodVote(VoteThreshold.parse(properties.goodVote()));
    }
    return new RuleBook(settings);
  }
}
