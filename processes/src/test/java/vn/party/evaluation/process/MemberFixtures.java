package vn.party.evaluation.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.test.mock.Mocks;
import vn.party.evaluation.process.validation.SelfReviewRules;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.rules.Regulation;

/** Start variables of a member-evaluation as the campaign launcher sets them (contracts.md). */
public final class MemberFixtures {

  static final int YEAR = 2026;
  static final String CAMPAIGN_ID = "campaign-2026-thanh-khe-tay";
  static final String ORGANIZATION_ID = "thanh-khe-tay";
  static final String BRANCH_ID = "thanh-khe-tay-cb1";

  static final Date SELF_REVIEW_DUE = inDays(14);
  static final Date RESIDENCE_FEEDBACK_DUE = inDays(21);
  static final Date UNIT_ASSESSMENT_DUE = inDays(24);
  static final Date BRANCH_REVIEW_DUE = inDays(28);
  static final Date DECISION_DUE = inDays(35);

  private MemberFixtures() {}

  static Map<String, Object> startVariables(String memberId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ProcessVariables.CAMPAIGN_ID, CAMPAIGN_ID);
    variables.put(ProcessVariables.YEAR, YEAR);
    variables.put(ProcessVariables.MEMBER_ID, memberId);
    variables.put(ProcessVariables.MEMBER_NAME, "Đảng viên " + memberId);
    variables.put(ProcessVariables.ORGANIZATION_ID, ORGANIZATION_ID);
    variables.put(ProcessVariables.BRANCH_ID, BRANCH_ID);
    variables.put(ProcessVariables.REGULATION, Regulation.QD_366_2025.code());
    return variables;
  }

  /**
   * What the application provides the diagrams besides the delegates: the committee groups, derived from the unit
   * ({@code ${taskGroups.branchCommittee(branchId)}}), and the campaign's deadlines, read by its id
   * ({@code ${campaignDeadlines.selfReview(campaignId)}}): the fixture campaign's dates above.
   */
  static void registerCampaignBeans() {
    Mocks.register(DelegateNames.TASK_GROUPS, new TaskGroups());
    Mocks.register(DelegateNames.CAMPAIGN_DEADLINES, new FixtureCampaign());
  }

  /** The deadlines of the campaign {@link #CAMPAIGN_ID}; any other campaign id is a mistake of the test. */
  public static class FixtureCampaign implements CampaignDeadlines {

    @Override
    public Date selfReview(String campaignId) {
      return of(campaignId, SELF_REVIEW_DUE);
    }

    @Override
    public Date residenceFeedback(String campaignId) {
      return of(campaignId, RESIDENCE_FEEDBACK_DUE);
    }

    @Override
    public Date unitAssessment(String campaignId) {
      return of(campaignId, UNIT_ASSESSMENT_DUE);
    }

    @Override
    public Date branchReview(String campaignId) {
      return of(campaignId, BRANCH_REVIEW_DUE);
    }

    @Override
    public Date decision(String campaignId) {
      return of(campaignId, DECISION_DUE);
    }

    private static Date of(String campaignId, Date due) {
      if (!CAMPAIGN_ID.equals(campaignId)) {
        throw new IllegalArgumentException("no such campaign: " + campaignId);
      }
      return due;
    }
  }

  /**
   * A member's completion of self-review: the self-proposed level and the sections a self-criticism requires
   * (SelfReviewRules.REQUIRED_SECTIONS, each longer than the default minimum), and any more variables (name, value, …;
   * they win).
   */
  static Map<String, Object> selfReview(String level, Object... more) {
    Map<String, Object> variables = new LinkedHashMap<>(selfCriticism());
    variables.put(ProcessVariables.SELF_PROPOSED_LEVEL, level);
    if ("EXCELLENT".equals(level)) {
      // EXCELLENT needs a graded section I (SelfReviewRules): Mẫu 02A under 366, 95 points
      for (SelfReviewRules.Criterion criterion : SelfReviewRules.criteriaFor(false)) {
        boolean task = criterion.group() == vn.party.evaluation.rules.CriterionGroup.TASK_RESULTS;
        variables.put(criterion.gradeField(), "EXCELLENT");
        variables.put(criterion.pointsField(), task ? 70 : 5);
      }
      variables.put(ProcessVariables.ALL_TASKS_ON_TIME, true);
      variables.put(ProcessVariables.EXCEEDING_TASKS_PERCENT, 30);
      variables.put(ProcessVariables.SHORTCOMINGS_REMEDIED, true);
    }
    for (int i = 0; i < more.length; i += 2) {
      variables.put((String) more[i], more[i + 1]);
    }
    return variables;
  }

  /** The four required sections of a self-criticism, each a sentence longer than the default minimum. */
  public static Map<String, Object> selfCriticism() {
    return Map.of(
        ProcessVariables.STRENGTHS,
        "Hoàn thành tốt nhiệm vụ chuyên môn được giao trong năm.",
        ProcessVariables.LIMITATIONS,
        "Đôi lúc chậm nộp báo cáo; nguyên nhân: chưa sắp xếp thời gian hợp lý.",
        SelfReviewRules.SHORTCOMINGS_FIXED,
        "Đã khắc phục việc đi họp muộn được chỉ ra ở kỳ kiểm điểm trước.",
        ProcessVariables.REMEDIAL_MEASURES,
        "Lập kế hoạch công việc hằng tuần, nộp báo cáo đúng hạn.");
  }

  /**
   * The branch's completion of branch-review: the proposal, carried by a unanimous vote of a branch of nine voters, and
   * any more variables (name, value, …).
   */
  static Map<String, Object> branchProposes(String level, Object... more) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    variables.put(ProcessVariables.BRANCH_PROPOSED_LEVEL, level);
    variables.putAll(
        vn.party.evaluation.process.validation.BranchVote.variables(
            9, Map.of(Level.valueOf(level), 9)));
    for (int i = 0; i < more.length; i += 2) {
      variables.put((String) more[i], more[i + 1]);
    }
    return variables;
  }

  private static Date inDays(int days) {
    return Date.from(Instant.parse("2026-11-01T08:00:00Z").plus(Duration.ofDays(days)));
  }
}
