package vn.party.evaluation.movement;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a movement does to a running campaign where the sources do not settle it ({@code evaluation.movements.*};
 * README "What each movement does to a running campaign"). Both defaults are UNVERIFIED against the texts in force.
 *
 * @param transferAfterLaunch where a member transferred after the campaign opened is evaluated: MOST_OF_YEAR (default,
 *     unverified: the unit where the member spent more days of the campaign's year — the evaluation moves with the
 *     member or stays), WHERE_STARTED (always the unit the launch found), NEW_UNIT (always the unit the member joined)
 * @param recognitionAfterLaunch a probationary member recognized as official after the campaign opened: KEEP_FORM
 *     (default, unverified: the form decided at launch, the probationary one, stays), OFFICIAL_FORM (the official
 *     form, while the self-review is not yet submitted)
 */
@ConfigurationProperties("evaluation.movements")
public record MovementSettings(
    TransferRule transferAfterLaunch, RecognitionRule recognitionAfterLaunch) {

  public enum TransferRule {
    MOST_OF_YEAR,
    WHERE_STARTED,
    NEW_UNIT
  }

  public enum RecognitionRule {
    KEEP_FORM,
    OFFICIAL_FORM
  }

  public MovementSettings {
    transferAfterLaunch =
        transferAfterLaunch == null ? TransferRule.MOST_OF_YEAR : transferAfterLaunch;
    recognitionAfterLaunch =
        recognitionAfterLaunch == null ? RecognitionRule.KEEP_FORM : recognitionAfterLaunch;
  }
}
