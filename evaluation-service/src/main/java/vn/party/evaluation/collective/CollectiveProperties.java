package vn.party.evaluation.collective;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.party.evaluation.rules.CollectiveFacts;

/**
 * @param subordinateShortfallThresholdPercent above this share (0–100) of subordinates disciplined or rated
 *     NOT_COMPLETED, a collective is at most COMPLETED (collective-caps, row subordinate-shortfall). <em>Unverified</em>
 *     against the texts in force: configuration with the documented default {@link
 *     CollectiveFacts#DEFAULT_SUBORDINATE_SHORTFALL_THRESHOLD} (20), by analogy with the regulations' 20 % figures.
 */
@ConfigurationProperties("evaluation.collectives")
public record CollectiveProperties(
    @DefaultValue("20") double subordinateShortfallThresholdPercent) {

  public CollectiveProperties {
    if (!(subordinateShortfallThresholdPercent >= 0
        && subordinateShortfallThresholdPercent <= 100)) {
      throw new IllegalArgumentException(
          "evaluation.collectives.subordinate-shortfall-threshold-percent must be 0–100");
    }
  }
}
