package vn.party.evaluation.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static vn.party.evaluation.process.ProcessKeys.ALL_REAPPRAISALS_DONE;
import static vn.party.evaluation.process.ProcessKeys.ANNOUNCE_RESULTS;
import static vn.party.evaluation.process.ProcessKeys.CLOSE_COMPLAINT_WINDOW;
import static vn.party.evaluation.process.ProcessKeys.COMPLAINT_WINDOW_CLOSED;
import static vn.party.evaluation.process.ProcessKeys.COMPLETE_CAMPAIGN;
import static vn.party.evaluation.process.ProcessKeys.REAPPRAISAL_DECISION;
import static vn.party.evaluation.process.ProcessKeys.RECORD_REAPPRAISAL;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.party.evaluation.rules.Regulation;

/**
 * evaluation-campaign after every member is decided: announce the results, keep the complaint window open, and
 * complete only once the committee above has re-appraised every case a complaint sent it (member-reappraisal).
 */
@Deployment(
    resources = {
      "bpmn/evaluation-campaign.bpmn",
      "bpmn/member-reappraisal.bpmn",
      "forms/reappraisal-form.form",
      MemberEvaluationProcessTest.BPMN,
      MemberEvaluationProcessTest.SELF_REVIEW_FORM,
      MemberEvaluationProcessTest.BRANCH_REVIEW_FORM,
      MemberEvaluationProcessTest.COMMITTEE_DECISION_FORM
    })
class ComplaintWindowProcessTest {

  @RegisterExtension static final ProcessEngineExtension engine = PostgresProcessEngine.extension();

  private FakeCampaignDelegates delegates;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    delegates = new FakeCampaignDelegates(List.of(), 3);
    delegates.register();
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void withoutComplaintsTheCampaignCompletesWhenTheWindowCloses() {
    ProcessInstance campaign = campaignWithEveryoneDecided();

    execute(job(campaign)); // announce-results (async)
    assertThat(delegates.announcedCampaigns).containsExactly(MemberFixtures.CAMPAIGN_ID);
    assertThat(campaign).hasPassed(ANNOUNCE_RESULTS).isWaitingAt(COMPLAINT_WINDOW_CLOSED);
    assertThat(job(campaign).getDuedate()).isEqualTo(delegates.complaintWindowEnd);
    assertThat(delegates.completedCampaigns).isEmpty();

    execute(job(campaign)); // the window's end
    assertThat(campaign)
        .hasPassedInOrder(COMPLAINT_WINDOW_CLOSED, CLOSE_COMPLAINT_WINDOW, COMPLETE_CAMPAIGN)
        .hasNotPassed(ALL_REAPPRAISALS_DONE)
        .isEnded();
    assertThat(delegates.completedCampaigns).containsExactly(MemberFixtures.CAMPAIGN_ID);
  }

  @Test
  void aComplaintInTheWindowHoldsTheCampaignUntilTheCommitteeAboveHasReappraised() {
    ProcessInstance campaign = campaignWithEveryoneDecided();
    execute(job(campaign)); // announce-results

    ProcessInstance reappraisal = complaintFrom("member1"); // in the window
    assertThat(reappraisal).isWaitingAt(REAPPRAISAL_DECISION);
    assertThat(task(reappraisal))
        .hasCandidateGroup(Groups.superiorCommittee(MemberFixtures.ORGANIZATION_ID));

    execute(job(campaign)); // the window closes with one case still open
    assertThat(campaign).hasPassed(CLOSE_COMPLAINT_WINDOW).isWaitingAt(ALL_REAPPRAISALS_DONE);
    assertThat(delegates.completedCampaigns).isEmpty();

    complete(
        task(reappraisal),
        Map.of(
            ProcessVariables.REAPPRAISED_LEVEL,
            "COMPLETED",
            ProcessVariables.REAPPRAISAL_COMMENT,
            "Khiếu nại có cơ sở một phần."));
    assertThat(reappraisal).hasPassed(RECORD_REAPPRAISAL).isEnded();
    assertThat(campaign).hasPassedInOrder(ALL_REAPPRAISALS_DONE, COMPLETE_CAMPAIGN).isEnded();
    assertThat(delegates.completedCampaigns).containsExactly(MemberFixtures.CAMPAIGN_ID);
  }

  @Test
  void aReappraisalDecidedBeforeTheWindowClosesLetsTheCampaignCompleteAtTheEndOfTheWindow() {
    ProcessInstance campaign = campaignWithEveryoneDecided();
    execute(job(campaign));
    ProcessInstance reappraisal = complaintFrom("member2");

    complete(
        task(reappraisal),
        Map.of(
            ProcessVariables.REAPPRAISED_LEVEL,
            "GOOD",
            ProcessVariables.REAPPRAISAL_COMMENT,
            "Giữ nguyên mức đã quyết định."));
    assertThat(reappraisal).isEnded();
    assertThat(campaign).as("the window is still open").isWaitingAt(COMPLAINT_WINDOW_CLOSED);

    execute(job(campaign));
    assertThat(campaign).hasNotPassed(ALL_REAPPRAISALS_DONE).hasPassed(COMPLETE_CAMPAIGN).isEnded();
  }

  @Test
  void theReappraisalLevelIsRequiredWithItsGrounds() {
    ProcessInstance reappraisal = complaintFrom("member3");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> complete(task(reappraisal), Map.of(ProcessVariables.REAPPRAISED_LEVEL, "GOOD")))
        .hasMessageContaining("reappraisalComment: required");
    assertThat(reappraisal).isWaitingAt(REAPPRAISAL_DECISION);
  }

  /** Drives a campaign past the announcement and a complaint window in which nobody complained. */
  static void passTheComplaintWindowWithoutComplaints(ProcessInstance campaign) {
    assertThat(campaign).isWaitingAt(ANNOUNCE_RESULTS);
    execute(job(campaign));
    assertThat(campaign).isWaitingAt(COMPLAINT_WINDOW_CLOSED);
    execute(job(campaign));
  }

  /**
   * An empty roster: the campaign reaches the announcement right after its batch pass, the collectives (none) and the
   * finalization.
   */
  private static ProcessInstance campaignWithEveryoneDecided() {
    Map<String, Object> variables = new HashMap<>(MemberFixtures.startVariables("unused"));
    variables.remove(ProcessVariables.MEMBER_ID);
    variables.put(ProcessVariables.LAUNCH_PARALLELISM, 1);
    ProcessInstance campaign =
        runtimeService()
            .startProcessInstanceByKey(
                ProcessKeys.EVALUATION_CAMPAIGN,
                BusinessKeys.campaign(MemberFixtures.YEAR, MemberFixtures.ORGANIZATION_ID),
                variables);
    execute(job(campaign)); // prepare-roster
    execute(job(campaign)); // start-member-batch: nobody left, everyone decided
    execute(job(campaign)); // the launch lane's end (async after)
    execute(job(campaign)); // prepare-collectives: none rated (the fakes' defaults)
    complete(task(ProcessKeys.FINALIZE_RESULTS, campaign)); // nobody decided: within the quota
    assertThat(campaign).isWaitingAt(ANNOUNCE_RESULTS);
    return campaign;
  }

  /** What the application starts for the first complaint of a member in the window. */
  private static ProcessInstance complaintFrom(String memberId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ProcessVariables.YEAR, MemberFixtures.YEAR);
    variables.put(ProcessVariables.MEMBER_ID, memberId);
    variables.put(ProcessVariables.MEMBER_NAME, "Đảng viên " + memberId);
    variables.put(ProcessVariables.ORGANIZATION_ID, MemberFixtures.ORGANIZATION_ID);
    variables.put(ProcessVariables.REGULATION, Regulation.QD_366_2025.code());
    variables.put(
        ProcessVariables.SUPERIOR_COMMITTEE_GROUP,
        Groups.superiorCommittee(MemberFixtures.ORGANIZATION_ID));
    variables.put(ProcessVariables.ORIGINAL_LEVEL, "GOOD");
    variables.put(
        ProcessVariables.COMPLAINTS, "Chi bộ chưa xem xét đầy đủ kết quả công tác của tôi.");
    return runtimeService()
        .startProcessInstanceByKey(
            ProcessKeys.MEMBER_REAPPRAISAL,
            BusinessKeys.reappraisal(MemberFixtures.YEAR, memberId),
            variables);
  }
}
