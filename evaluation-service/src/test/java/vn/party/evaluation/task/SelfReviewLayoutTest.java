package vn.party.evaluation.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.validation.TaskCompletionRules;
import vn.party.evaluation.rules.Regulation;
import vn.party.evaluation.rules.RuleBook;

/** The self-review's numbering follows each official form: I–VII on 02A and 02B, I–IV on 10-KNĐ. */
class SelfReviewLayoutTest {

  private static final RuleBook RULES = new RuleBook();

  private static SelfReviewLayout layout(String formKind, boolean leader, String regulation) {
    Map<String, Object> context = new HashMap<>();
    context.put("regulation", regulation);
    context.put("leadershipPost", leader);
    context.put("formKind", formKind);
    return SelfReviewLayout.of(
        TaskCompletionRules.form(ProcessKeys.SELF_REVIEW, context),
        Optional.of(Regulation.fromCode(regulation)),
        RULES);
  }

  private static List<String> numbered(SelfReviewLayout layout) {
    return layout.sections().stream().map(s -> s.numeral() + " " + s.key()).toList();
  }

  @Test
  void the02AFormRunsFromIToVIIWithSixCriteriaAndTheGroupMaxima() {
    SelfReviewLayout layout = layout("OFFICIAL", false, "QD-366-2025");
    assertThat(numbered(layout))
        .containsExactly(
            "I strengths",
            "II limitations",
            "III shortcomingsFixed",
            "IV reviewIssuesAnswers",
            "V collectiveResponsibility",
            "VI remedialMeasures",
            "VII selfProposedLevel");
    assertThat(layout.criterionNumbers())
        .containsExactly(
            Map.entry("politicalIdeology", "1"),
            Map.entry("ethicsLifestyle", "2"),
            Map.entry("organizationDiscipline", "3"),
            Map.entry("workStyle", "4"),
            Map.entry("dutiesResults", "5"),
            Map.entry("selfImprovementCommitment", "6"));
    assertThat(layout.pointsMax())
        .containsEntry("workStylePoints", 30)
        .containsEntry("dutiesResultsPoints", 70);
    assertThat(layout.levelSection()).isEqualTo("VII");
    assertThat(layout.sections().get(6).fields())
        .extracting(TaskCompletionRules.FormField::name)
        .containsExactly("selfProposedLevel", "civilServiceSelfProposedLevel");
  }

  @Test
  void the02BFormNumbersTheLeadersCriteriaAfterTheOthers() {
    SelfReviewLayout layout = layout("OFFICIAL", true, "QD-366-2025");
    assertThat(layout.criterionNumbers())
        .containsEntry("leadershipResults", "7")
        .containsEntry("antiCorruption", "10");
    assertThat(layout.levelSection()).isEqualTo("VII");
  }

  @Test
  void the10KNDFormHasNoSectionsIIIToVAndRunsFromIToIV() {
    SelfReviewLayout layout = layout("PROBATIONARY", false, "QD-366-2025");
    assertThat(numbered(layout))
        .containsExactly(
            "I strengths", "II limitations", "III remedialMeasures", "IV selfProposedLevel");
    assertThat(layout.criterionNumbers()).containsEntry("probationDuties", "5");
    assertThat(layout.levelSection()).isEqualTo("IV");
  }

  @Test
  void withoutAScoreNoPointsAndNoMaxima() {
    SelfReviewLayout layout = layout("OFFICIAL", false, "QD-124-2023");
    assertThat(layout.pointsMax()).isEmpty();
    assertThat(layout.sections()).noneMatch(s -> s.key().equals("other"));
  }
}
