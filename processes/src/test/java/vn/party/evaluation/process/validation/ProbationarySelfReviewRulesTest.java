package vn.party.evaluation.process.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.validation.SelfReviewRules.Form;
import vn.party.evaluation.rules.CriterionGroup;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.rules.RuleBook;

/** Mẫu 10-KNĐ, the probationary member's self-review: its criteria, its form, its checks and its score. */
class ProbationarySelfReviewRulesTest {

  private static final RuleBook RULES = new RuleBook();

  /** 10-KNĐ under 366: four general criteria 6 points each (24), the assigned work 66: 90 points. */
  private static Map<String, Object> scored366(boolean leadershipPost) {
    Map<String, Object> values = new HashMap<>();
    values.put("regulation", "QD-366-2025");
    values.put("formKind", "PROBATIONARY");
    values.put("leadershipPost", leadershipPost);
    for (SelfReviewRules.Criterion criterion : SelfReviewRules.criteriaFor(Form.F10_KND)) {
      values.put(criterion.field(), "Nội dung " + criterion.field());
      values.put(criterion.gradeField(), "EXCELLENT");
      values.put(
          criterion.pointsField(), criterion.group() == CriterionGroup.TASK_RESULTS ? 66 : 6);
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

  private static List<String> shown(Map<String, ?> variables) {
    return TaskCompletionRules.form(ProcessKeys.SELF_REVIEW, variables).stream()
        .map(TaskCompletionRules.FormField::name)
        .toList();
  }

  @Test
  void theFormFollowsFromFormKindThenTheLeadershipPost() {
    assertThat(SelfReviewRules.formOf(Map.of("formKind", "PROBATIONARY"))).isEqualTo(Form.F10_KND);
    assertThat(SelfReviewRules.formOf(Map.of("formKind", "PROBATIONARY", "leadershipPost", true)))
        .as("a probationary member holding a post still fills in 10-KNĐ")
        .isEqualTo(Form.F10_KND);
    assertThat(SelfReviewRules.formOf(Map.of("formKind", "OFFICIAL", "leadershipPost", true)))
        .isEqualTo(Form.F02B);
    assertThat(SelfReviewRules.formOf(Map.of("formKind", "OFFICIAL"))).isEqualTo(Form.F02A);
    assertThat(SelfReviewRules.formOf(Map.of()))
        .as("cases started before formKind existed")
        .isEqualTo(Form.F02A);
    assertThat(Form.F10_KND.code()).isEqualTo("10-KNĐ");
    assertThat(TaskCompletionRules.reads(ProcessKeys.SELF_REVIEW)).contains("formKind");
  }

  @Test
  void tenKndHasItsOwnCriteriaInFormOrder() {
    assertThat(SelfReviewRules.criteriaFor(Form.F10_KND))
        .extracting(SelfReviewRules.Criterion::field)
        .containsExactly(
            "politicalIdeology",
            "ethicsLifestyle",
            "organizationDiscipline",
            "dutiesResults",
            "probationDuties");
    assertThat(SelfReviewRules.criteriaFor(Form.F10_KND))
        .extracting(SelfReviewRules.Criterion::group)
        .containsExactly(
            CriterionGroup.GENERAL,
            CriterionGroup.GENERAL,
            CriterionGroup.GENERAL,
            CriterionGroup.TASK_RESULTS,
            CriterionGroup.GENERAL);
    assertThat(SelfReviewRules.criteriaFor(false))
        .extracting(SelfReviewRules.Criterion::field)
        .as("02A unchanged")
        .containsExactly(
            "politicalIdeology",
            "ethicsLifestyle",
            "organizationDiscipline",
            "workStyle",
            "dutiesResults",
            "selfImprovementCommitment");
  }

  @Test
  void thePageShowsTheTenKndSectionsAndNeverThe02bItems() {
    List<String> fields =
        shown(
            Map.of(
                "regulation", "QD-366-2025", "formKind", "PROBATIONARY", "leadershipPost", true));
    assertThat(fields)
        .containsSubsequence(
            "strengths",
            "politicalIdeology",
            "ethicsLifestyle",
            "organizationDiscipline",
            "dutiesResults",
            "probationDuties",
            "probationDutiesGrade",
            "probationDutiesPoints",
            "limitations",
            "remedialMeasures",
            "selfProposedLevel");
    assertThat(fields)
        .doesNotContain(
            "leadershipResults",
            "responsibilityInnovation",
            "settingExample",
            "antiCorruption",
            "antiCorruptionGrade",
            "workStyle",
            "selfImprovementCommitment",
            "shortcomingsFixed",
            "reviewIssuesAnswers",
            "collectiveResponsibility",
            "civilServiceSelfProposedLevel");
    assertThat(shown(Map.of("regulation", "QD-366-2025", "formKind", "OFFICIAL")))
        .as("the official form has no probation duties")
        .doesNotContain("probationDuties", "probationDutiesGrade")
        .contains("workStyle", "shortcomingsFixed", "civilServiceSelfProposedLevel");
  }

  @Test
  void underThe366ScoreTheTenKndCriteriaFillBothGroups() {
    Map<String, Object> values = scored366(false);
    assertThat(errors(values)).isEmpty();
    SelfReviewRules.Outcome outcome = SelfReviewRules.outcome(RULES, values).orElseThrow();
    assertThat(outcome.generalPoints()).isEqualTo(24.0);
    assertThat(outcome.taskPoints()).isEqualTo(66.0);
    assertThat(outcome.total()).isEqualTo(90.0);
    assertThat(outcome.level()).isEqualTo(Level.EXCELLENT);

    values.put("probationDutiesPoints", 13); // 6 + 6 + 6 + 13 = 31 > 30
    assertThat(errors(values)).containsExactly("probationDutiesPoints:group-total-too-high");
    values.put(
        "probationDutiesPoints",
        1); // 85 points: GOOD, so EXCELLENT is above the member's own assessment
    assertThat(SelfReviewRules.outcome(RULES, values).orElseThrow().level()).isEqualTo(Level.GOOD);
    assertThat(errors(values)).containsExactly("selfProposedLevel:above-own-assessment");
  }

  @Test
  void theSameValidationAppliesAndOtherFormsFieldsAreRefused() {
    Map<String, Object> values = scored366(true);
    values.remove("probationDutiesGrade");
    assertThat(errors(values)).containsExactly("probationDutiesGrade:required");
    values.put("probationDutiesGrade", "Tốt");
    assertThat(errors(values)).contains("probationDutiesGrade:invalid-grade");
    values.put("probationDutiesGrade", "GOOD");
    values.put("probationDuties", "x".repeat(5000));
    assertThat(errors(values)).containsExactly("probationDuties:too-long");
    values.put("probationDuties", "bad\u0000text");
    assertThat(errors(values)).containsExactly("probationDuties:control-characters");
    values.put("probationDuties", "Dự sinh hoạt đầy đủ.");

    values.put("antiCorruptionGrade", "GOOD");
    values.put("workStyle", "Tác phong");
    values.put("shortcomingsFixed", "Đã khắc phục");
    values.put("civilServiceSelfProposedLevel", "GOOD");
    assertThat(errors(values))
        .containsExactlyInAnyOrder(
            "antiCorruptionGrade:not-on-this-form",
            "workStyle:not-on-this-form",
            "shortcomingsFixed:not-on-this-form",
            "civilServiceSelfProposedLevel:not-on-this-form");

    Map<String, Object> official =
        new HashMap<>(
            Map.of(
                "regulation",
                "QD-366-2025",
                "formKind",
                "OFFICIAL",
                "selfProposedLevel",
                "GOOD",
                "probationDuties",
                "Không phải đảng viên dự bị"));
    assertThat(errors(official)).containsExactly("probationDuties:not-on-this-form");
  }

  @Test
  void tasklistsFormHidesWhatIsNotOnTheMembersForm() throws Exception {
    com.fasterxml.jackson.databind.JsonNode form;
    try (var in = getClass().getClassLoader().getResourceAsStream("forms/self-review-form.form")) {
      form = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
    }
    Map<String, String> hide = new HashMap<>();
    form.path("components")
        .forEach(
            c -> hide.put(c.path("key").asText(), c.path("conditional").path("hide").asText()));
    // the same split as SelfReviewRules: whatever 10-KNĐ lacks is hidden from a probationary
    // member, and back
    for (SelfReviewRules.Criterion criterion : SelfReviewRules.CRITERIA) {
      for (String field :
          List.of(criterion.field(), criterion.gradeField(), criterion.pointsField())) {
        assertThat(hide.get(field))
            .as(field)
            .contains(
                criterion.on(Form.F10_KND)
                    ? (criterion.on(Form.F02A) ? "" : "formKind != \"PROBATIONARY\"")
                    : "formKind = \"PROBATIONARY\"");
      }
    }
    for (String field : SelfReviewRules.OFFICIAL_ONLY_FIELDS) {
      assertThat(hide.get(field)).as(field).contains("formKind = \"PROBATIONARY\"");
    }
  }

  @Test
  void underTheOlderRegulationsTheGradesGiveTheLevel() {
    Map<String, Object> values =
        new HashMap<>(
            Map.of(
                "regulation",
                "QD-124-2023",
                "formKind",
                "PROBATIONARY",
                "selfProposedLevel",
                "EXCELLENT"));
    for (SelfReviewRules.Criterion criterion : SelfReviewRules.criteriaFor(Form.F10_KND)) {
      values.put(
          criterion.gradeField(),
          criterion.group() == CriterionGroup.TASK_RESULTS ? "EXCELLENT" : "GOOD");
    }
    assertThat(errors(values)).isEmpty();
    assertThat(SelfReviewRules.outcome(RULES, values).orElseThrow().level())
        .isEqualTo(Level.EXCELLENT);
    values.put("probationDutiesGrade", "WEAK");
    assertThat(SelfReviewRules.outcome(RULES, values).orElseThrow().level())
        .isEqualTo(Level.NOT_COMPLETED);
    values.put("probationDutiesPoints", 5);
    assertThat(errors(values)).contains("probationDutiesPoints:not-on-this-form");
  }
}
