package vn.party.evaluation.process.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.rules.ReasonCode;

class TaskCompletionRulesTest {

  private static final String LONGEST = "x".repeat(TaskCompletionRules.MAX_TEXT_LENGTH);
  private static final String TOO_LONG = LONGEST + "x";
  private static final String REGULATION = "regulation";
  private static final String QD_366 = "QD-366-2025";
  private static final String QD_124 = "QD-124-2023";
  private static final String QD_132 = "QD-132-2018";

  /** task, variables (name, value, name, value …), expected errors ("field: reason"). */
  static Stream<Arguments> table() {
    return Stream.of(
        row("self-review", vars("selfProposedLevel", "GOOD")),
        row(
            "self-review",
            vars(
                "selfProposedLevel",
                "EXCELLENT",
                "strengths",
                LONGEST,
                "limitations",
                "dòng 1\r\ndòng 2\tcột đủ dài",
                "remedialMeasures",
                ""),
            "remedialMeasures: required"),
        row("self-review", vars(), "selfProposedLevel: required"),
        // issue 14: the sections a self-criticism requires, blank or shorter than their minimum (a
        // task setting)
        row(
            "self-review",
            vars(
                "selfProposedLevel",
                "GOOD",
                "strengths",
                "",
                "limitations",
                " ",
                "shortcomingsFixed",
                "",
                "remedialMeasures",
                "\n"),
            "strengths: required",
            "limitations: required",
            "shortcomingsFixed: required",
            "remedialMeasures: required"),
        row(
            "self-review",
            vars("selfProposedLevel", "GOOD", "limitations", "Còn chậm.   "),
            "limitations: section-too-short"),
        // issue 12, finding 10: invisible characters are not counted — 25 zero-width spaces are
        // an empty section, and zero-width text around too few letters is still too short
        row(
            "self-review",
            vars(
                "selfProposedLevel",
                "GOOD",
                "strengths",
                "\u200b".repeat(25),
                "limitations",
                "\u200c\u200d\u2060\ufeff ".repeat(10)),
            "strengths: required",
            "limitations: required"),
        row(
            "self-review",
            vars("selfProposedLevel", "GOOD", "limitations", "Còn chậm." + "\u200b".repeat(20)),
            "limitations: section-too-short"),
        row(
            "self-review",
            vars(
                "selfProposedLevel",
                "GOOD",
                "limitations",
                "Còn chậm.",
                "limitationsMinLength",
                9)),
        row(
            "self-review",
            vars(
                "selfProposedLevel",
                "GOOD",
                "limitations",
                "Còn chậm.",
                "limitationsMinLength",
                10),
            "limitations: section-too-short"),
        // kept whole by the application after this same check: its long texts are not engine
        // variables
        row("self-review", vars("selfProposedLevel", "GOOD", "selfReviewVersion", 1)),
        // the probationary member's 10-KNĐ has no section III
        row("self-review", vars("selfProposedLevel", "GOOD", "formKind", "PROBATIONARY")),
        row(
            "self-review",
            vars("selfProposedLevel", "GOOD", "formKind", "PROBATIONARY", "remedialMeasures", ""),
            "remedialMeasures: required"),
        row("self-review", vars("selfProposedLevel", "  "), "selfProposedLevel: required"),
        row("self-review", vars("selfProposedLevel", "SUPER"), "selfProposedLevel: invalid-level"),
        row("self-review", vars("selfProposedLevel", "good"), "selfProposedLevel: invalid-level"),
        row("self-review", vars("selfProposedLevel", 3), "selfProposedLevel: invalid-level"),
        row(
            "self-review",
            vars("selfProposedLevel", "GOOD", "strengths", TOO_LONG),
            "strengths: too-long"),
        row(
            "self-review",
            vars("selfProposedLevel", "GOOD", "limitations", "a\u0007b"),
            "limitations: control-characters"),
        row(
            "self-review",
            vars("selfProposedLevel", "GOOD", "remedialMeasures", "a\u0085b"),
            "remedialMeasures: control-characters"),
        row(
            "self-review",
            vars("selfProposedLevel", "GOOD", "strengths", 42),
            "strengths: not-text"),
        row(
            "self-review",
            vars("strengths", TOO_LONG),
            "strengths: too-long",
            "selfProposedLevel: required"),
        row("branch-review", vars("branchProposedLevel", "NOT_COMPLETED", "branchComment", null)),
        row("branch-review", vars("branchComment", "Tốt"), "branchProposedLevel: required"),
        row(
            "branch-review",
            vars("branchProposedLevel", "BEST"),
            "branchProposedLevel: invalid-level"),
        row("committee-decision", vars("decision", "APPROVE", "decidedLevel", "COMPLETED")),
        row("committee-decision", vars("decision", "RETURN", "decisionComment", "Thiếu biên bản")),
        row("committee-decision", vars(), "decision: required"),
        row("committee-decision", vars("decision", "MAYBE"), "decision: invalid-decision"),
        row("committee-decision", vars("decision", "APPROVE"), "decidedLevel: required"),
        row(
            "committee-decision",
            vars("decision", "APPROVE", "decidedLevel", "TOP"),
            "decidedLevel: invalid-level"),
        row("committee-decision", vars("decision", "RETURN"), "decisionComment: required"),
        row(
            "committee-decision",
            vars("decision", "RETURN", "decisionComment", " "),
            "decisionComment: required"),
        row(
            "committee-decision",
            vars("decision", "RETURN", "decisionComment", TOO_LONG),
            "decisionComment: too-long"),
        // facts the branch records: optional, months 0–12 as a number, flags as booleans
        row(
            "branch-review",
            vars(
                "branchProposedLevel",
                "GOOD",
                "sickLeaveMonths",
                2.5,
                "concludedDegradation",
                false,
                "concludedForbiddenConduct",
                null,
                "concludedFailedToSetExample",
                "")),
        row("branch-review", vars("branchProposedLevel", "COMPLETED", "sickLeaveMonths", 12)),
        row(
            "branch-review",
            vars("branchProposedLevel", "COMPLETED", "sickLeaveMonths", 13),
            "sickLeaveMonths: out-of-range"),
        row(
            "branch-review",
            vars("branchProposedLevel", "COMPLETED", "sickLeaveMonths", -1),
            "sickLeaveMonths: out-of-range"),
        row(
            "branch-review",
            vars("branchProposedLevel", "COMPLETED", "sickLeaveMonths", "4"),
            "sickLeaveMonths: not-a-number"),
        row(
            "branch-review",
            vars("branchProposedLevel", "COMPLETED", "sickLeaveMonths", Double.NaN),
            "sickLeaveMonths: not-a-number"),
        row(
            "branch-review",
            vars("branchProposedLevel", "COMPLETED", "concludedDegradation", "true"),
            "concludedDegradation: not-a-flag"),
        // caps: computed from the facts under the regulation; the branch's own facts count at once
        row(
            "branch-review",
            branchProposal(QD_366, "GOOD", "sickLeaveMonths", 3),
            "branchProposedLevel: above-cap"),
        row("branch-review", branchProposal(QD_366, "COMPLETED", "sickLeaveMonths", 3)),
        row("branch-review", branchProposal(QD_366, "EXCELLENT", "sickLeaveMonths", 2.9)),
        row(
            "branch-review",
            branchProposal(QD_366, "COMPLETED", "concludedForbiddenConduct", true),
            "branchProposedLevel: above-cap"),
        row(
            "branch-review",
            branchProposal(
                QD_366,
                "NOT_COMPLETED",
                "concludedForbiddenConduct",
                true,
                "concludedDegradation",
                true,
                "concludedFailedToSetExample",
                true)),
        row(
            "branch-review",
            branchProposal(QD_366, "COMPLETED", "disciplined", true),
            "branchProposedLevel: above-cap"),
        row(
            "branch-review",
            branchProposal(
                QD_366, "GOOD", "disciplined", true, "disciplineSelfDetectedAndRemedied", true)),
        row(
            "branch-review",
            branchProposal(
                QD_132, "GOOD", "disciplined", true, "disciplineSelfDetectedAndRemedied", true),
            "branchProposedLevel: above-cap"),
        row(
            "branch-review",
            branchProposal(QD_124, "EXCELLENT", "civilServiceLevel", "GOOD"),
            "branchProposedLevel: above-cap"),
        row("branch-review", branchProposal(QD_124, "GOOD", "civilServiceLevel", "GOOD")),
        row("branch-review", branchProposal(QD_366, "GOOD", "civilServiceLevel", null)),
        // the branch's vote (BranchVote): the tally is required and the proposal needs its share of
        // the eligible voters
        row(
            "branch-review",
            vars("branchProposedLevel", "GOOD", "eligibleVoters", null),
            "eligibleVoters: required",
            "votesExcellent: required",
            "votesGood: required",
            "votesCompleted: required",
            "votesNotCompleted: required"),
        row("branch-review", with(tally(9, 6, 3, 0, 0), "branchProposedLevel", "EXCELLENT")),
        row(
            "branch-review",
            with(tally(9, 5, 4, 0, 0), "branchProposedLevel", "EXCELLENT"),
            "branchProposedLevel: vote-not-supported"),
        row("branch-review", with(tally(9, 0, 5, 4, 0), "branchProposedLevel", "GOOD")),
        row(
            "branch-review",
            with(tally(10, 0, 5, 5, 0), "branchProposedLevel", "GOOD"),
            "branchProposedLevel: vote-not-supported"),
        // counted against the eligible voters, not the votes cast: 5 of 5 present is not more than
        // half of 11
        row(
            "branch-review",
            with(tally(11, 0, 5, 0, 0), "branchProposedLevel", "GOOD"),
            "branchProposedLevel: vote-not-supported"),
        row("branch-review", with(tally(9, 0, 0, 0, 0), "branchProposedLevel", "COMPLETED")),
        row("branch-review", with(tally(9, 0, 0, 0, 1), "branchProposedLevel", "NOT_COMPLETED")),
        row(
            "branch-review",
            with(tally(9, 5, 5, 0, 0), "branchProposedLevel", "EXCELLENT"),
            "eligibleVoters: more-votes-than-voters"),
        row(
            "branch-review",
            with(tally(9, 2.5, 0, 0, 0), "branchProposedLevel", "COMPLETED"),
            "votesExcellent: not-a-count"),
        row(
            "branch-review",
            with(tally(9, 0, -1, 0, 0), "branchProposedLevel", "COMPLETED"),
            "votesGood: not-a-count"),
        row(
            "branch-review",
            with(tally(9, 0, 0, "3", 0), "branchProposedLevel", "COMPLETED"),
            "votesCompleted: not-a-count"),
        row(
            "branch-review",
            with(tally(9, 0, 0, 0, BranchVote.MAX_VOTERS + 1), "branchProposedLevel", "COMPLETED"),
            "votesNotCompleted: not-a-count"),
        row(
            "branch-review",
            with(tally(0, 0, 0, 0, 0), "branchProposedLevel", "COMPLETED"),
            "eligibleVoters: not-a-count"),
        // the configured thresholds, set on the task by the application, replace the defaults
        row(
            "branch-review",
            with(
                tally(9, 6, 3, 0, 0),
                "branchProposedLevel",
                "EXCELLENT",
                "excellentVoteRule",
                ">=3/4"),
            "branchProposedLevel: vote-not-supported"),
        row(
            "branch-review",
            with(tally(9, 0, 3, 6, 0), "branchProposedLevel", "GOOD", "goodVoteRule", ">=1/3")),
        // the cap and the vote are both checked: a supported proposal above the cap is still
        // refused
        row(
            "branch-review",
            with(
                tally(9, 0, 9, 0, 0),
                REGULATION,
                QD_366,
                "branchProposedLevel",
                "GOOD",
                "sickLeaveMonths",
                4),
            "branchProposedLevel: above-cap"),
        // without a regulation there is nothing to decide caps by
        row("branch-review", vars("branchProposedLevel", "GOOD", "sickLeaveMonths", 6)),
        // a refused level or fact is reported alone: the cap waits until they are valid
        row(
            "branch-review",
            branchProposal(QD_366, "BEST", "disciplined", true),
            "branchProposedLevel: invalid-level"),
        row(
            "branch-review",
            branchProposal(QD_366, "GOOD", "sickLeaveMonths", 13, "disciplined", true),
            "sickLeaveMonths: out-of-range"),
        row(
            "committee-decision",
            approve(QD_366, "GOOD", "sickLeaveMonths", 4),
            "decidedLevel: above-cap"),
        row("committee-decision", approve(QD_366, "COMPLETED", "sickLeaveMonths", 4)),
        row(
            "committee-decision",
            approve(
                QD_366,
                "GOOD",
                "civilServiceLevel",
                "COMPLETED",
                "disciplined",
                true,
                "disciplineSelfDetectedAndRemedied",
                true),
            "decidedLevel: above-cap"),
        // a return decides no level: a level left in the form is not held against it
        row(
            "committee-decision",
            under(
                QD_366,
                "decision",
                "RETURN",
                "decisionComment",
                "Làm rõ",
                "decidedLevel",
                "EXCELLENT",
                "disciplined",
                true)),
        // the member's own proposal is not capped: the member sees the cap, the approvers apply it
        row("self-review", under(QD_366, "selfProposedLevel", "GOOD", "disciplined", true)),
        // ... but an ungraded EXCELLENT is above the member's own assessment (SelfReviewRules)
        row(
            "self-review",
            under(QD_124, "selfProposedLevel", "EXCELLENT"),
            "politicalIdeologyGrade: required",
            "ethicsLifestyleGrade: required",
            "organizationDisciplineGrade: required",
            "workStyleGrade: required",
            "dutiesResultsGrade: required",
            "selfImprovementCommitmentGrade: required",
            "selfProposedLevel: above-own-assessment"),
        // adjust with a reason: approving another level than the branch proposed needs
        // decisionComment
        row(
            "committee-decision",
            vars("branchProposedLevel", "GOOD", "decision", "APPROVE", "decidedLevel", "GOOD")),
        row(
            "committee-decision",
            vars("branchProposedLevel", "EXCELLENT", "decision", "APPROVE", "decidedLevel", "GOOD"),
            "decisionComment: adjustment-reason-required"),
        row(
            "committee-decision",
            vars(
                "branchProposedLevel",
                "EXCELLENT",
                "decision",
                "APPROVE",
                "decidedLevel",
                "GOOD",
                "decisionComment",
                "  "),
            "decisionComment: adjustment-reason-required"),
        row(
            "committee-decision",
            vars(
                "branchProposedLevel",
                "EXCELLENT",
                "decision",
                "APPROVE",
                "decidedLevel",
                "GOOD",
                "decisionComment",
                "Vượt tỷ lệ 20%.")),
        row(
            "committee-decision",
            vars("branchProposedLevel", "EXCELLENT", "decision", "APPROVE", "decidedLevel", "TOP"),
            "decidedLevel: invalid-level"),
        // finalize-results: the organization's figures, within or over the quota
        row("finalize-results", vars("excellentCount", 2, "goodCount", 10, "excellentAllowed", 2)),
        row(
            "finalize-results",
            vars("excellentCount", 3, "goodCount", 10, "excellentAllowed", 2),
            "excellentCount: over-quota"),
        row("finalize-results", vars("excellentCount", 0, "goodCount", 0, "excellentAllowed", 0)),
        row("finalize-results", vars(), "excellentCount: required"),
        // collectives: Mẫu 01 has every section; the proposal itself is not capped
        row(
            "collective-self-review",
            mau01("selfProposedLevel", "GOOD", "leadershipDisciplinedWarningOrAbove", true)),
        row(
            "collective-self-review",
            vars("selfProposedLevel", "GOOD"),
            "strengths: required",
            "limitations: required",
            "remedialMeasures: required"),
        // the collective's task results (366): optional, a yes/no and a share
        row(
            "collective-self-review",
            mau01("selfProposedLevel", "GOOD", "allTasksDone", true, "lateTasksPercent", 10)),
        row(
            "collective-self-review",
            mau01("selfProposedLevel", "GOOD", "allTasksDone", null, "lateTasksPercent", null)),
        row(
            "collective-self-review",
            mau01("selfProposedLevel", "GOOD", "allTasksDone", "yes", "lateTasksPercent", "10"),
            "allTasksDone: not-a-flag",
            "lateTasksPercent: not-a-number"),
        row(
            "collective-self-review",
            mau01("selfProposedLevel", "GOOD", "lateTasksPercent", 120.5),
            "lateTasksPercent: out-of-range"),
        row(
            "collective-self-review",
            mau01("selfProposedLevel", "GOOD", "lateTasksPercent", -1),
            "lateTasksPercent: out-of-range"),
        // the collective's own proposal is not capped by what it states, as a member's is not
        row(
            "collective-self-review",
            mau01(REGULATION, QD_366, "selfProposedLevel", "EXCELLENT", "allTasksDone", false)),
        row("collective-decision", collectiveApproval(QD_366, "GOOD", "GOOD")),
        // another level than the collective proposed needs a reason
        row(
            "collective-decision",
            collectiveApproval(QD_366, "GOOD", "COMPLETED"),
            "decisionComment: required"),
        row(
            "collective-decision",
            collectiveApproval(
                QD_124,
                "GOOD",
                "NOT_COMPLETED",
                "decisionComment",
                "Lý do",
                "leadershipDisciplinedWarningOrAbove",
                true)),
        row(
            "collective-decision",
            collectiveApproval(
                QD_132, "COMPLETED", "COMPLETED", "leadershipDisciplinedWarningOrAbove", true),
            "decidedLevel: above-cap"),
        // the threshold is the instance's configured value: 25 % is above 20 %, within 30 %
        row(
            "collective-decision",
            collectiveApproval(
                QD_366,
                "GOOD",
                "GOOD",
                "subordinateShortfallPercent",
                25.0,
                "subordinateShortfallThreshold",
                20.0),
            "decidedLevel: above-cap"),
        row(
            "collective-decision",
            collectiveApproval(
                QD_366,
                "GOOD",
                "GOOD",
                "subordinateShortfallPercent",
                25.0,
                "subordinateShortfallThreshold",
                30.0)),
        // under 366 only: a leadership member reprimanded rules out EXCELLENT
        row(
            "collective-decision",
            collectiveApproval(QD_366, "EXCELLENT", "EXCELLENT", "leadershipDisciplined", true),
            "decidedLevel: above-cap"),
        row(
            "collective-decision",
            collectiveApproval(QD_124, "EXCELLENT", "EXCELLENT", "leadershipDisciplined", true)),
        // 366: the task results the collective stated bind the decision above it
        row(
            "collective-decision",
            collectiveApproval(
                QD_366, "GOOD", "GOOD", "allTasksDone", true, "lateTasksPercent", 10.0),
            "decidedLevel: above-cap"),
        row(
            "collective-decision",
            collectiveApproval(
                QD_366,
                "GOOD",
                "COMPLETED",
                "decisionComment",
                "Có nhiệm vụ chậm.",
                "allTasksDone",
                true,
                "lateTasksPercent",
                10.0)),
        row(
            "collective-decision",
            collectiveApproval(
                QD_366, "COMPLETED", "COMPLETED", "allTasksDone", true, "lateTasksPercent", 25),
            "decidedLevel: above-cap"),
        row(
            "collective-decision",
            collectiveApproval(QD_366, "COMPLETED", "COMPLETED", "allTasksDone", false),
            "decidedLevel: above-cap"),
        row(
            "collective-decision",
            collectiveApproval(
                QD_366, "EXCELLENT", "EXCELLENT", "allTasksDone", true, "lateTasksPercent", 0)),
        // not stated: nothing capped; before 366 the figures cap nothing
        row(
            "collective-decision",
            collectiveApproval(
                QD_366, "EXCELLENT", "EXCELLENT", "allTasksDone", null, "lateTasksPercent", null)),
        row(
            "collective-decision",
            collectiveApproval(
                QD_124, "GOOD", "GOOD", "allTasksDone", false, "lateTasksPercent", 50)),
        row(
            "collective-decision",
            under(QD_366, "decision", "RETURN"),
            "decisionComment: required"));
  }

  @Test
  void anOverQuotaRefusalGivesTheFigures() {
    assertThat(
            TaskCompletionRules.check(
                "finalize-results",
                vars("excellentCount", 3, "goodCount", 12, "excellentAllowed", 2)))
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.quota().excellent()).isEqualTo(3);
              assertThat(error.quota().maxExcellent()).isEqualTo(2);
              assertThat(error.message())
                  .isEqualTo(
                      "excellentCount is over the EXCELLENT quota: EXCELLENT 3, GOOD 12, "
                          + "allowed 2");
              assertThat(error.toString())
                  .isEqualTo(
                      "excellentCount: over-quota (vượt tỷ lệ: 3 đảng viên Hoàn thành "
                          + "xuất sắc nhiệm vụ, 12 Hoàn thành tốt nhiệm vụ, tối đa được 2)");
            });
  }

  @Test
  void anAdjustmentNeedsALevelAReasonAndStaysUnderTheCap() {
    assertThat(TaskCompletionRules.checkAdjustment(vars("level", "GOOD", "reason", "Vượt tỷ lệ.")))
        .isEmpty();
    assertThat(TaskCompletionRules.checkAdjustment(vars("level", "GOOD")))
        .extracting(error -> error.field() + ": " + error.reason())
        .containsExactly("reason: required");
    assertThat(TaskCompletionRules.checkAdjustment(vars("level", "BEST", "reason", "x")))
        .extracting(error -> error.field() + ": " + error.reason())
        .containsExactly("level: invalid-level");
    assertThat(
            TaskCompletionRules.checkAdjustment(
                vars(REGULATION, QD_366, "level", "GOOD", "reason", "x", "sickLeaveMonths", 4)))
        .extracting(error -> error.field() + ": " + error.reason())
        .containsExactly("level: above-cap");
  }

  @ParameterizedTest(name = "[{index}] {0} -> {2}")
  @MethodSource("table")
  void checksTheCompletionVariables(
      String task, Map<String, Object> variables, List<String> errors) {
    // a self-review row gets the required sections it does not name: the rows below the first ones
    // test the rest
    Map<String, Object> checked =
        task.equals("self-review") ? SelfCriticismFixture.withSections(variables) : variables;
    assertThat(TaskCompletionRules.check(task, checked))
        .extracting(error -> error.field() + ": " + error.reason())
        .containsExactlyElementsOf(errors);
  }

  @Test
  void knowsTheFieldsOfEachTask() {
    assertThat(TaskCompletionRules.fields("self-review"))
        .startsWith(
            "strengths", "politicalIdeology", "politicalIdeologyGrade", "politicalIdeologyPoints")
        .contains(
            "antiCorruptionPoints",
            "allTasksOnTime",
            "exceedingTasksPercent",
            "shortcomingsRemedied",
            "shortcomingsFixed",
            "reviewIssuesAnswers",
            "collectiveResponsibility")
        .endsWith(
            "limitations",
            "shortcomingsFixed",
            "reviewIssuesAnswers",
            "collectiveResponsibility",
            "remedialMeasures",
            "selfProposedLevel",
            "civilServiceSelfProposedLevel")
        .hasSize(1 + 11 * 3 + 3 + 7); // 02A's six criteria, 02B's four, 10-KNĐ's probationDuties
    assertThat(TaskCompletionRules.fields("branch-review"))
        .containsExactly(
            "branchProposedLevel",
            "eligibleVoters",
            "votesExcellent",
            "votesGood",
            "votesCompleted",
            "votesNotCompleted",
            "branchComment",
            "sickLeaveMonths",
            "concludedDegradation",
            "concludedForbiddenConduct",
            "concludedFailedToSetExample");
    assertThat(TaskCompletionRules.fields("committee-decision"))
        .containsExactly("decision", "decidedLevel", "decisionComment", "quotaReason");
  }

  @Test
  void knowsWhatElseTheCappedTasksRead() {
    List<String> capInputs =
        List.of(
            "regulation",
            "disciplined",
            "disciplineSelfDetectedAndRemedied",
            "civilServiceLevel",
            "tasksCompletedPercent",
            "headedUnitLevel",
            "sickLeaveMonths",
            "concludedDegradation",
            "concludedForbiddenConduct",
            "concludedFailedToSetExample");
    List<String> branchInputs = new java.util.ArrayList<>(capInputs);
    branchInputs.addAll(List.of("excellentVoteRule", "goodVoteRule"));
    assertThat(TaskCompletionRules.reads("branch-review")).containsExactlyElementsOf(branchInputs);
    List<String> decisionInputs = new java.util.ArrayList<>(capInputs);
    decisionInputs.add("branchProposedLevel");
    assertThat(TaskCompletionRules.reads("committee-decision"))
        .containsExactlyElementsOf(decisionInputs);
    assertThat(TaskCompletionRules.reads("self-review"))
        .containsExactly(
            "regulation",
            "leadershipPost",
            "civilServiceLevel",
            "formKind",
            "strengthsMinLength",
            "limitationsMinLength",
            "shortcomingsFixedMinLength",
            "remedialMeasuresMinLength");
    assertThat(TaskCompletionRules.reads("finalize-results"))
        .containsExactly("excellentCount", "goodCount", "excellentAllowed");
    assertThat(TaskCompletionRules.fields("finalize-results")).isEmpty();
    assertThat(TaskCompletionRules.reads("collective-decision"))
        .containsExactly(
            "regulation",
            "leadershipDisciplinedWarningOrAbove",
            "leadershipDisciplined",
            "subordinateUnitDisciplined",
            "subordinateShortfallPercent",
            "subordinateShortfallThreshold",
            "allTasksDone",
            "lateTasksPercent",
            "selfProposedLevel");
    assertThat(TaskCompletionRules.fields("collective-self-review"))
        .containsExactly(
            "selfProposedLevel",
            "strengths",
            "allTasksDone",
            "lateTasksPercent",
            "limitations",
            "remedialMeasures");
    assertThat(TaskCompletionRules.reads("collective-self-review")).isEmpty();
  }

  @Test
  void aRefusalAboveTheCapNamesTheStrictestCapAndWhy() {
    List<FieldError> errors =
        TaskCompletionRules.check(
            "committee-decision",
            vars(
                REGULATION,
                QD_366,
                "decision",
                "APPROVE",
                "decidedLevel",
                "GOOD",
                "sickLeaveMonths",
                5,
                "disciplined",
                true));

    assertThat(errors)
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.cap().maxLevel()).isEqualTo(Level.NOT_COMPLETED);
              assertThat(error.cap().reason()).isEqualTo(ReasonCode.DISCIPLINED);
              assertThat(error.cap().rule().ruleId())
                  .isEqualTo("member-caps-QD-366-2025-discipline");
              assertThat(error.toString())
                  .isEqualTo(
                      "decidedLevel: above-cap (không được cao hơn mức "
                          + "\"Không hoàn thành nhiệm vụ\": Bị kỷ luật trong năm)");
              assertThat(error.message())
                  .isEqualTo(
                      "decidedLevel must not be above NOT_COMPLETED: Disciplined in the year");
            });
  }

  @Test
  void anUnknownRegulationIsAnErrorNotAMissingCap() {
    assertThatThrownBy(
            () ->
                TaskCompletionRules.check(
                    "branch-review", vars(REGULATION, "QD-999", "branchProposedLevel", "GOOD")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("QD-999");
  }

  @Test
  void refusesToGuessForAnUnknownTask() {
    assertThat(TaskCompletionRules.covers("record-decision")).isFalse();
    assertThatThrownBy(() -> TaskCompletionRules.check("record-decision", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("record-decision");
  }

  @Test
  void explainsEachErrorInWords() {
    assertThat(new FieldError("decidedLevel", FieldError.REQUIRED).message())
        .isEqualTo("decidedLevel is required");
    assertThat(new FieldError("decision", FieldError.INVALID_DECISION).message())
        .isEqualTo("decision must be one of APPROVE, RETURN");
    assertThat(new FieldError("strengths", FieldError.TOO_LONG).message())
        .isEqualTo("strengths must be at most 4000 characters");
    assertThat(new FieldError("sickLeaveMonths", FieldError.OUT_OF_RANGE).message())
        .isEqualTo("sickLeaveMonths must be between 0 and 12");
  }

  /** A branch-review row without a tally gets a unanimous one for its proposal: the rows above it test the rest. */
  private static Arguments row(String task, Map<String, Object> variables, String... errors) {
    if (task.equals("branch-review") && !variables.containsKey("eligibleVoters")) {
      Level proposed =
          variables.get("branchProposedLevel") instanceof String name
              ? Level.parse(name).orElse(null)
              : null;
      variables.putAll(BranchVote.variables(9, proposed == null ? Map.of() : Map.of(proposed, 9)));
    }
    return Arguments.of(task, variables, List.of(errors));
  }

  /** A vote: voters, then the votes for EXCELLENT, GOOD, COMPLETED, NOT_COMPLETED. */
  private static Map<String, Object> tally(
      Object voters, Object excellent, Object good, Object completed, Object notCompleted) {
    return vars(
        "eligibleVoters",
        voters,
        "votesExcellent",
        excellent,
        "votesGood",
        good,
        "votesCompleted",
        completed,
        "votesNotCompleted",
        notCompleted);
  }

  /** Under that regulation, with these variables. */
  private static Map<String, Object> under(String regulation, Object... namesAndValues) {
    return with(vars(REGULATION, regulation), namesAndValues);
  }

  /** The branch proposing that level under that regulation, with these variables. */
  private static Map<String, Object> branchProposal(
      String regulation, String proposedLevel, Object... namesAndValues) {
    return with(under(regulation, "branchProposedLevel", proposedLevel), namesAndValues);
  }

  /** The committee approving a member's evaluation at that level under that regulation, with these variables. */
  private static Map<String, Object> approve(
      String regulation, String decidedLevel, Object... namesAndValues) {
    return with(
        under(regulation, "decision", "APPROVE", "decidedLevel", decidedLevel), namesAndValues);
  }

  /** The committee above approving a collective's proposal, or another level, under that regulation. */
  private static Map<String, Object> collectiveApproval(
      String regulation, String proposedLevel, String decidedLevel, Object... namesAndValues) {
    return with(
        approve(regulation, decidedLevel, "selfProposedLevel", proposedLevel), namesAndValues);
  }

  /** A collective's Mẫu 01 with its three sections written, and these variables. */
  private static Map<String, Object> mau01(Object... namesAndValues) {
    return with(
        vars("strengths", "Kết quả", "limitations", "Hạn chế", "remedialMeasures", "Biện pháp"),
        namesAndValues);
  }

  private static Map<String, Object> with(Map<String, Object> variables, Object... namesAndValues) {
    variables.putAll(vars(namesAndValues));
    return variables;
  }

  private static Map<String, Object> vars(Object... namesAndValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return variables;
  }
}
