package vn.party.evaluation.process.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.rules.CriterionGroup;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.rules.RuleBook;
import vn.party.evaluation.rules.RuleSettings;

/** Mẫu 02A/02B: the checks across fields and the level that follows from the member's own grades and points. */
class SelfReviewRulesTest {

  private static final RuleBook RULES = new RuleBook();

  /** 02A under 366: the five general criteria 5 points each (25), task results 65: 90 points. */
  private static Map<String, Object> scored366(boolean leader) {
    Map<String, Object> values = new HashMap<>();
    values.put("regulation", "QD-366-2025");
    values.put("leadershipPost", leader);
    for (SelfReviewRules.Criterion criterion : SelfReviewRules.criteriaFor(leader)) {
      values.put(criterion.gradeField(), "EXCELLENT");
      boolean task = criterion.group() == CriterionGroup.TASK_RESULTS;
      values.put(criterion.pointsField(), leader ? (task ? 33 : 3) : (task ? 65 : 5));
    }
    values.put("allTasksOnTime", true);
    values.put("exceedingTasksPercent", 30);
    values.put("shortcomingsRemedied", true);
    values.put("selfProposedLevel", "EXCELLENT");
    return values;
  }

  private static List<String> errors(Map<String, Object> values) {
    return TaskCompletionRules.check(
            ProcessKeys.SELF_REVIEW, SelfCriticismFixture.withSections(values))
        .stream()
        .map(e -> e.field() + ":" + e.reason())
        .toList();
  }

  /**
   * The score under which a member is NOT_COMPLETED is a setting (unverified, default 50): the judgement's level
   * follows the rule book the application gives, not the defaults.
   */
  @Test
  void theJudgementsLevelFollowsTheConfiguredScoreUnderWhichAMemberIsNotCompleted() {
    Map<String, Object> values = SelfCriticismFixture.withSections(scored366(false));
    for (SelfReviewRules.Criterion criterion : SelfReviewRules.criteriaFor(false)) {
      if (criterion.group() == CriterionGroup.TASK_RESULTS) {
        values.put(criterion.pointsField(), 35);
        values.put(criterion.gradeField(), "AVERAGE");
      }
    }
    values.put("selfProposedLevel", "NOT_COMPLETED");
    try {
      Level byDefault = judgedLevel(values);
      TaskCompletionRules.useRules(new RuleBook(RuleSettings.defaults().withNotCompletedBelow(70)));
      Level configured = judgedLevel(values);
      assertThat(byDefault).as("60 points, NOT_COMPLETED below 50").isEqualTo(Level.COMPLETED);
      assertThat(configured).as("60 points, NOT_COMPLETED below 70").isEqualTo(Level.NOT_COMPLETED);
    } finally {
      TaskCompletionRules.useRules(null);
    }
  }

  private static Level judgedLevel(Map<String, Object> values) {
    CompletionJudgement judgement =
        CompletionCheck.evaluate("task-3", ProcessKeys.SELF_REVIEW, values, true);
    assertThat(judgement.errors()).isEmpty();
    return judgement.outcome().orElseThrow().level();
  }

  /**
   * Issue 15: the rules' judgement of a self-review that passes carries what its grades give, computed once on the
   * way (to compare the proposal with), so the keeper takes it instead of computing it again.
   */
  @Test
  void theJudgementOfAPassedReviewCarriesItsOutcomeComputedOnce() {
    List<Integer> computed = new ArrayList<>();
    CompletionCheck.observe(
        new CompletionCheck.Observer() {
          @Override
          public void evaluated(String taskId, String taskKey) {}

          @Override
          public void outcomeComputed(Map<String, ?> variables) {
            computed.add(1);
          }
        });
    try {
      for (String proposed : List.of("EXCELLENT", "COMPLETED")) {
        computed.clear();
        Map<String, Object> values = SelfCriticismFixture.withSections(scored366(false));
        values.put("selfProposedLevel", proposed);
        CompletionJudgement judgement =
            CompletionCheck.evaluate("task-1", ProcessKeys.SELF_REVIEW, values, true);
        assertThat(judgement.errors()).as("proposing " + proposed).isEmpty();
        assertThat(computed).as("outcomes computed, proposing " + proposed).hasSize(1);
        assertThat(judgement.outcome().orElseThrow().total()).isEqualTo(90.0);
        assertThat(judgement.outcome().orElseThrow().level()).isEqualTo(Level.EXCELLENT);
      }
      computed.clear();
      Map<String, Object> refused = SelfCriticismFixture.withSections(scored366(false));
      refused.put(
          "politicalIdeologyGrade", null); // section I half graded: refused, nothing to keep
      assertThat(
              CompletionCheck.evaluate("task-2", ProcessKeys.SELF_REVIEW, refused, true).passed())
          .isFalse();
      assertThat(computed).as("no outcome for a refused review").isEmpty();
    } finally {
      CompletionCheck.observe(null);
    }
  }

  @Test
  void underThe366ScoreTheTotalsAndTheLevelFollowFromThePoints() {
    Map<String, Object> values = scored366(false);
    assertThat(errors(values)).isEmpty();
    SelfReviewRules.Outcome outcome = SelfReviewRules.outcome(RULES, values).orElseThrow();
    assertThat(outcome.points())
        .containsEntry(CriterionGroup.GENERAL, 25.0)
        .containsEntry(CriterionGroup.TASK_RESULTS, 65.0);
    assertThat(outcome.total()).isEqualTo(90.0);
    assertThat(outcome.level()).isEqualTo(Level.EXCELLENT);
    assertThat(outcome.ruleId()).isEqualTo("member-level-QD-366-2025-excellent");

    values.put(
        "allTasksOnTime",
        false); // 90 points but not every task on time: COMPLETED (member-level row)
    assertThat(SelfReviewRules.outcome(RULES, values).orElseThrow().level())
        .isEqualTo(Level.COMPLETED);
    assertThat(errors(values)).containsExactly("selfProposedLevel:above-own-assessment");
    values.put("selfProposedLevel", "COMPLETED");
    assertThat(errors(values)).isEmpty();
    values.put(
        "selfProposedLevel",
        "NOT_COMPLETED"); // below one's own assessment: self-criticism is allowed
    assertThat(errors(values)).isEmpty();
  }

  @Test
  void pointsStayWithinTheirGroupsMaximum() {
    Map<String, Object> values = scored366(false);
    values.put("politicalIdeologyPoints", 31);
    assertThat(errors(values))
        .contains(
            "politicalIdeologyPoints:points-out-of-range",
            "politicalIdeologyPoints:group-total-too-high");
    values.put("politicalIdeologyPoints", 10); // each within 30, together 30 + 1 = 31
    values.put("ethicsLifestylePoints", 10);
    values.put("organizationDisciplinePoints", 6);
    // refused where the running total goes over 30: 10 + 10 + 6 + 5 (work style) = 31
    assertThat(errors(values)).containsExactly("workStylePoints:group-total-too-high");
    values.put("dutiesResultsPoints", 70.5);
    assertThat(errors(values)).contains("dutiesResultsPoints:points-out-of-range");
    values.put("dutiesResultsPoints", -1);
    assertThat(errors(values)).contains("dutiesResultsPoints:points-out-of-range");
    values.put("dutiesResultsPoints", "65");
    assertThat(errors(values)).contains("dutiesResultsPoints:not-a-number");
    values.put("dutiesResultsPoints", 65);
    values.put("exceedingTasksPercent", 101);
    assertThat(errors(values)).contains("exceedingTasksPercent:out-of-range");
  }

  @Test
  void sectionOneIsGradedAllOrNothingAndGradesAreGrades() {
    Map<String, Object> values =
        new HashMap<>(Map.of("regulation", "QD-366-2025", "selfProposedLevel", "GOOD"));
    assertThat(errors(values)).as("no grades at all: allowed, nothing follows").isEmpty();
    assertThat(SelfReviewRules.outcome(RULES, values)).isEmpty();
    values.put("workStyleGrade", "GOOD");
    assertThat(errors(values))
        .contains(
            "politicalIdeologyGrade:required",
            "politicalIdeologyPoints:required",
            "workStylePoints:required")
        .doesNotContain("leadershipResultsGrade:required");
    values.put("workStyleGrade", "Tốt");
    assertThat(errors(values)).contains("workStyleGrade:invalid-grade");
  }

  @Test
  void theLeadersItemsOf02bAreOnlyOnALeadersForm() {
    Map<String, Object> member = scored366(false);
    member.put("antiCorruption", "Không có biểu hiện tham nhũng.");
    member.put("antiCorruptionGrade", "GOOD");
    assertThat(errors(member))
        .containsExactly("antiCorruption:not-on-this-form", "antiCorruptionGrade:not-on-this-form");

    Map<String, Object> leader = scored366(true);
    assertThat(errors(leader)).isEmpty();
    assertThat(SelfReviewRules.outcome(RULES, leader).orElseThrow().total()).isEqualTo(90.0);
    leader.remove("settingExampleGrade");
    assertThat(errors(leader)).containsExactly("settingExampleGrade:required");
    assertThat(
            TaskCompletionRules.form(ProcessKeys.SELF_REVIEW, Map.of("regulation", "QD-366-2025")))
        .extracting(TaskCompletionRules.FormField::name)
        .doesNotContain("leadershipResults", "antiCorruptionPoints")
        .contains("dutiesResults", "dutiesResultsGrade", "dutiesResultsPoints");
    assertThat(
            TaskCompletionRules.form(
                ProcessKeys.SELF_REVIEW,
                Map.of("regulation", "QD-366-2025", "leadershipPost", true)))
        .extracting(TaskCompletionRules.FormField::name)
        .contains("leadershipResults", "antiCorruptionPoints");
  }

  @Test
  void underTheOlderRegulationsTheLevelFollowsFromTheGradesAndNothingIsScored() {
    Map<String, Object> values = new HashMap<>();
    values.put("regulation", "QD-124-2023");
    for (SelfReviewRules.Criterion criterion : SelfReviewRules.criteriaFor(false)) {
      values.put(
          criterion.gradeField(),
          criterion.group() == CriterionGroup.TASK_RESULTS ? "EXCELLENT" : "GOOD");
    }
    values.put("selfProposedLevel", "EXCELLENT");
    assertThat(errors(values)).isEmpty();
    SelfReviewRules.Outcome outcome = SelfReviewRules.outcome(RULES, values).orElseThrow();
    assertThat(outcome.level()).isEqualTo(Level.EXCELLENT);
    assertThat(outcome.total()).isNull();
    assertThat(outcome.ruleId()).isEqualTo("member-level-QD-124-2023-excellent");

    values.put(
        "civilServiceLevel", "GOOD"); // a civil servant rated GOOD: EXCELLENT is out of reach
    assertThat(errors(values)).containsExactly("selfProposedLevel:above-own-assessment");
    values.put("workStyleGrade", "WEAK");
    values.put("selfProposedLevel", "COMPLETED");
    assertThat(errors(values)).containsExactly("selfProposedLevel:above-own-assessment");
    values.put("workStylePoints", 5);
    values.put("allTasksOnTime", true);
    assertThat(errors(values))
        .contains("workStylePoints:not-on-this-form", "allTasksOnTime:not-on-this-form");
    assertThat(
            TaskCompletionRules.form(ProcessKeys.SELF_REVIEW, Map.of("regulation", "QD-132-2018")))
        .extracting(TaskCompletionRules.FormField::name)
        .doesNotContain("workStylePoints", "allTasksOnTime")
        .contains("workStyleGrade");
  }

  @Test
  void longTextsMayExceedAnEngineVariableOnlyWhenTheApplicationKeepsThem() {
    Map<String, Object> values =
        new HashMap<>(
            Map.of(
                "regulation",
                "QD-366-2025",
                "selfProposedLevel",
                "GOOD",
                "politicalIdeology",
                "x".repeat(5000)));
    assertThat(errors(values)).containsExactly("politicalIdeology:too-long");
    assertThat(
            TaskCompletionRules.checkKeptByApplication(
                ProcessKeys.SELF_REVIEW, SelfCriticismFixture.withSections(values)))
        .isEmpty();
    values.put("politicalIdeology", "x".repeat(SelfReviewRules.MAX_LONG_TEXT_LENGTH + 1));
    assertThat(
            TaskCompletionRules.checkKeptByApplication(
                ProcessKeys.SELF_REVIEW, SelfCriticismFixture.withSections(values)))
        .extracting(FieldError::reason)
        .containsExactly("too-long");
    values.remove("politicalIdeology");
    values.put("strengths", "x".repeat(4001)); // the older section texts stay engine variables
    assertThat(
            TaskCompletionRules.checkKeptByApplication(
                ProcessKeys.SELF_REVIEW, SelfCriticismFixture.withSections(values)))
        .extracting(FieldError::reason)
        .containsExactly("too-long");
  }

  @Test
  void anUngradedProposalOfExcellentIsAboveOwnAssessmentUnderEveryRegulationAndForm() {
    for (String regulation : List.of("QD-366-2025", "QD-124-2023", "QD-132-2018")) {
      for (boolean leader : List.of(false, true)) {
        Map<String, Object> values = new HashMap<>();
        values.put("regulation", regulation);
        values.put("leadershipPost", leader);
        values.put("selfProposedLevel", "EXCELLENT");
        List<String> errors = errors(values);
        assertThat(errors)
            .as(regulation + " leader " + leader)
            .contains("selfProposedLevel:above-own-assessment");
        for (SelfReviewRules.Criterion criterion : SelfReviewRules.criteriaFor(leader)) {
          assertThat(errors).contains(criterion.gradeField() + ":required");
          if (regulation.equals("QD-366-2025")) {
            assertThat(errors).contains(criterion.pointsField() + ":required");
          } else {
            assertThat(errors).doesNotContain(criterion.pointsField() + ":required");
          }
        }
        // GOOD and below stay possible without grades: the branch's vote and the committee decide
        for (String level : List.of("GOOD", "COMPLETED", "NOT_COMPLETED")) {
          values.put("selfProposedLevel", level);
          assertThat(errors(values)).as(regulation + " " + level).isEmpty();
        }
      }
    }
  }
}
