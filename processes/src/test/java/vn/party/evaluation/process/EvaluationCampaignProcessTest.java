package vn.party.evaluation.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.party.evaluation.process.ProcessKeys.ALL_MEMBERS_DECIDED;
import static vn.party.evaluation.process.ProcessKeys.BRANCH_HEADS_DECIDED;
import static vn.party.evaluation.process.ProcessKeys.CHECK_LAUNCH_COMPLETE;
import static vn.party.evaluation.process.ProcessKeys.COMPLETE_CAMPAIGN;
import static vn.party.evaluation.process.ProcessKeys.FINALIZE_RESULTS;
import static vn.party.evaluation.process.ProcessKeys.MEMBERS_DECIDED;
import static vn.party.evaluation.process.ProcessKeys.PREPARE_ROSTER;
import static vn.party.evaluation.process.ProcessKeys.START_MEMBER_BATCH;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
 * evaluation-campaign: members are started in batches, one job (transaction) per batch, in lanes that take batches
 * at the same time.
 */
@Deployment(
    resources = {
      "bpmn/evaluation-campaign.bpmn",
      MemberEvaluationProcessTest.BPMN,
      MemberEvaluationProcessTest.SELF_REVIEW_FORM,
      MemberEvaluationProcessTest.BRANCH_REVIEW_FORM,
      MemberEvaluationProcessTest.COMMITTEE_DECISION_FORM,
      CollectiveEvaluationProcessTest.BPMN,
      CollectiveEvaluationProcessTest.SELF_REVIEW_FORM,
      CollectiveEvaluationProcessTest.DECISION_FORM
    })
class EvaluationCampaignProcessTest {

  private static final List<String> SEVEN_MEMBERS =
      IntStream.rangeClosed(1, 7).mapToObj(i -> "member" + i).toList();
  private static final int BATCH_SIZE = 3;

  @RegisterExtension static final ProcessEngineExtension engine = PostgresProcessEngine.extension();

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void sevenMembersAreStartedInBatchesOfThreeThenTheCampaignWaitsForTheirDecisions() {
    FakeCampaignDelegates delegates = new FakeCampaignDelegates(SEVEN_MEMBERS, BATCH_SIZE);
    delegates.register();
    ProcessInstance campaign = startCampaign();
    assertThat(campaign).isWaitingAt(PREPARE_ROSTER);

    execute(job(campaign));
    assertThat(campaign).hasPassed(PREPARE_ROSTER).isWaitingAt(START_MEMBER_BATCH);
    assertThat(memberEvaluations()).isZero();

    execute(job(campaign));
    assertThat(memberEvaluations()).isEqualTo(3);
    assertThat(campaign).isWaitingAt(START_MEMBER_BATCH);

    execute(job(campaign));
    assertThat(memberEvaluations()).isEqualTo(6);
    assertThat(campaign).isWaitingAt(START_MEMBER_BATCH);

    execute(job(campaign));
    assertThat(memberEvaluations()).isEqualTo(7);
    assertThat(delegates.batches).containsExactly(3, 3, 1);
    assertThat(campaign).hasNotPassed(CHECK_LAUNCH_COMPLETE);
    execute(job(campaign)); // the lane's end, a job of its own (async after)
    assertThat(campaign).hasPassed(CHECK_LAUNCH_COMPLETE).isWaitingAtExactly(MEMBERS_DECIDED);
    assertThat(processInstanceQuery().processInstanceBusinessKey("2026:member7").count()).isOne();

    delegates.everyoneDecided();
    assertThat(campaign).isWaitingAt(ProcessKeys.PREPARE_COLLECTIVES);
    execute(job(campaign)); // no branch rated, nor the organization (the fakes' defaults)
    assertThat(campaign).isWaitingAtExactly(FINALIZE_RESULTS);

    delegates.decided(1, 6, 1);
    complete(task(FINALIZE_RESULTS, campaign));
    assertThat(campaign).isWaitingAt(ProcessKeys.ANNOUNCE_RESULTS);
    ComplaintWindowProcessTest.passTheComplaintWindowWithoutComplaints(campaign);
    assertThat(campaign)
        .hasPassedInOrder(
            MEMBERS_DECIDED,
            ProcessKeys.PREPARE_COLLECTIVES,
            FINALIZE_RESULTS,
            ProcessKeys.ANNOUNCE_RESULTS,
            COMPLETE_CAMPAIGN)
        .isEnded();
    assertThat(delegates.completedCampaigns).containsExactly(MemberFixtures.CAMPAIGN_ID);
  }

  @Test
  void quotaExceededAtFinalizeResultsThenResolvedByTheCommittee() {
    FakeCampaignDelegates delegates = new FakeCampaignDelegates(SEVEN_MEMBERS, 10);
    delegates.register();
    ProcessInstance campaign = startCampaign();
    execute(job(campaign)); // prepare-roster
    execute(job(campaign)); // one batch: all seven
    execute(job(campaign)); // the lane's end
    delegates.everyoneDecided();
    execute(job(campaign)); // prepare-collectives: none rated

    // the grassroots committee finalizes its members' results
    Task finalize = task(FINALIZE_RESULTS, campaign);
    assertThat(finalize).hasCandidateGroup("org-committee-thanh-khe-tay");
    assertThat(taskService().getVariables(finalize.getId()))
        .containsEntry(ProcessVariables.EXCELLENT_COUNT, 0); // the listener ran at creation

    // two EXCELLENT of five GOOD: at 20 % only one is allowed
    delegates.decided(2, 5, 1);
    assertThatThrownBy(() -> taskService().complete(finalize.getId()))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining(
            "excellentCount: over-quota (vượt tỷ lệ: 2 đảng viên Hoàn thành xuất sắc nhiệm vụ, "
                + "5 Hoàn thành tốt nhiệm vụ, tối đa được 1)");
    assertThat(campaign).isWaitingAtExactly(FINALIZE_RESULTS);
    assertThat(delegates.completedCampaigns).isEmpty();

    // figures sent along with the completion are no way round: the listener sets the live ones
    // first
    assertThatThrownBy(
            () ->
                taskService()
                    .complete(
                        finalize.getId(),
                        withVariables(
                            ProcessVariables.EXCELLENT_COUNT,
                            0,
                            ProcessVariables.EXCELLENT_ALLOWED,
                            9)))
        .isInstanceOf(FormFieldValidationException.class);
    assertThat(campaign).isWaitingAtExactly(FINALIZE_RESULTS);

    // the committee adjusts one member from EXCELLENT to GOOD, with a reason: within the quota
    delegates.decided(1, 6, 1);
    complete(finalize);
    ComplaintWindowProcessTest.passTheComplaintWindowWithoutComplaints(campaign);
    assertThat(campaign)
        .hasPassedInOrder(MEMBERS_DECIDED, FINALIZE_RESULTS, COMPLETE_CAMPAIGN)
        .isEnded();
    assertThat(delegates.completedCampaigns).containsExactly(MemberFixtures.CAMPAIGN_ID);
  }

  @Test
  void aCampaignWithoutMembersGoesStraightToCompletion() {
    FakeCampaignDelegates delegates = new FakeCampaignDelegates(List.of(), BATCH_SIZE);
    delegates.register();
    ProcessInstance campaign = startCampaign();

    execute(job(campaign));
    execute(job(campaign));
    execute(job(campaign)); // the lane's end

    assertThat(delegates.batches).containsExactly(0);
    execute(job(campaign)); // prepare-collectives: none rated
    complete(task(FINALIZE_RESULTS, campaign)); // nobody decided: within the quota
    ComplaintWindowProcessTest.passTheComplaintWindowWithoutComplaints(campaign);
    assertThat(campaign)
        .hasPassed(COMPLETE_CAMPAIGN)
        .hasNotPassed(MEMBERS_DECIDED, BRANCH_HEADS_DECIDED, ALL_MEMBERS_DECIDED)
        .isEnded();
    assertThat(delegates.completedCampaigns).containsExactly(MemberFixtures.CAMPAIGN_ID);
  }

  /** Members, then every branch, then the organization, then the results are finalized: the order of 366-QĐ/TW. */
  @Test
  void afterTheMembersEachBranchIsRatedThenTheOrganizationThenTheResultsAreFinalized() {
    FakeCampaignDelegates delegates = new FakeCampaignDelegates(List.of(), BATCH_SIZE);
    delegates.ratedBranches = List.of("cb1", "cb2");
    delegates.organizationRated = true;
    delegates.register();
    ProcessInstance campaign = startCampaign();
    execute(job(campaign)); // prepare-roster
    execute(job(campaign)); // no members
    execute(job(campaign)); // the lane's end
    execute(job(campaign)); // prepare-collectives

    assertThat(campaign).isWaitingAt(ProcessKeys.RATE_BRANCHES);
    assertThat(collectives())
        .containsExactlyInAnyOrder("2026:collective:cb1", "2026:collective:cb2");
    CollectiveEvaluationProcessTest.approve("2026:collective:cb1", "GOOD");
    assertThat(campaign).as("one branch still open").isWaitingAt(ProcessKeys.RATE_BRANCHES);
    CollectiveEvaluationProcessTest.approve("2026:collective:cb2", "COMPLETED");

    assertThat(campaign).isWaitingAtExactly(ProcessKeys.RATE_ORGANIZATION);
    CollectiveEvaluationProcessTest.approve(
        BusinessKeys.collective(MemberFixtures.YEAR, MemberFixtures.ORGANIZATION_ID), "GOOD");

    complete(task(FINALIZE_RESULTS, campaign));
    ComplaintWindowProcessTest.passTheComplaintWindowWithoutComplaints(campaign);
    assertThat(campaign)
        .hasPassedInOrder(
            ProcessKeys.RATE_BRANCHES,
            ProcessKeys.RATE_ORGANIZATION,
            FINALIZE_RESULTS,
            ProcessKeys.ANNOUNCE_RESULTS,
            COMPLETE_CAMPAIGN)
        .isEnded();
    assertThat(delegates.decidedCollectives)
        .containsExactly("cb1=GOOD", "cb2=COMPLETED", MemberFixtures.ORGANIZATION_ID + "=GOOD");
  }

  /**
   * A collective before its head: the branches are rated once everyone but the heads is decided; the organization
   * once the branch heads are too; the results are finalized once the organization's head is.
   */
  @Test
  void theHeadsAreDecidedAfterTheirUnitsAndTheResultsFinalizedAfterTheOrganizationsHead() {
    FakeCampaignDelegates delegates = new FakeCampaignDelegates(SEVEN_MEMBERS, 10);
    delegates.ratedBranches = List.of("cb1");
    delegates.organizationRated = true;
    delegates.register();
    ProcessInstance campaign = startCampaign();
    execute(job(campaign)); // prepare-roster
    execute(job(campaign)); // all seven started
    execute(job(campaign)); // the lane's end
    assertThat(campaign).isWaitingAtExactly(MEMBERS_DECIDED);

    delegates.stageDecided(DecisionStage.MEMBERS); // all but the heads
    execute(job(campaign)); // prepare-collectives
    CollectiveEvaluationProcessTest.approve("2026:collective:cb1", "GOOD");
    assertThat(campaign)
        .as("the branch head is not decided yet")
        .isWaitingAtExactly(BRANCH_HEADS_DECIDED);
    assertThat(collectives()).as("nor is the organization rated").isEmpty();

    delegates.stageDecided(DecisionStage.BRANCH_HEADS);
    assertThat(campaign).isWaitingAtExactly(ProcessKeys.RATE_ORGANIZATION);
    CollectiveEvaluationProcessTest.approve(
        BusinessKeys.collective(MemberFixtures.YEAR, MemberFixtures.ORGANIZATION_ID), "GOOD");
    assertThat(campaign)
        .as("the organization's head is not decided yet")
        .isWaitingAtExactly(ALL_MEMBERS_DECIDED);

    delegates.stageDecided(DecisionStage.ALL);
    assertThat(campaign).isWaitingAtExactly(FINALIZE_RESULTS);
    assertThat(campaign)
        .hasPassedInOrder(
            MEMBERS_DECIDED,
            ProcessKeys.RATE_BRANCHES,
            BRANCH_HEADS_DECIDED,
            ProcessKeys.RATE_ORGANIZATION,
            ALL_MEMBERS_DECIDED);
  }

  /** An organization set up less than six months ago is not rated; its branches are. */
  @Test
  void anOrganizationNotRatedSkipsItsOwnRating() {
    FakeCampaignDelegates delegates = new FakeCampaignDelegates(List.of(), BATCH_SIZE);
    delegates.ratedBranches = List.of("cb1");
    delegates.register();
    ProcessInstance campaign = startCampaign();
    execute(job(campaign));
    execute(job(campaign));
    execute(job(campaign)); // the lane's end
    execute(job(campaign)); // prepare-collectives
    CollectiveEvaluationProcessTest.approve("2026:collective:cb1", "GOOD");
    complete(task(FINALIZE_RESULTS, campaign));
    ComplaintWindowProcessTest.passTheComplaintWindowWithoutComplaints(campaign);

    assertThat(campaign)
        .hasPassed(ProcessKeys.RATE_BRANCHES)
        .hasNotPassed(ProcessKeys.RATE_ORGANIZATION)
        .isEnded();
  }

  private static List<String> collectives() {
    return processInstanceQuery()
        .processDefinitionKey(ProcessKeys.COLLECTIVE_EVALUATION)
        .active()
        .list()
        .stream()
        .map(ProcessInstance::getBusinessKey)
        .toList();
  }

  @Test
  void aFailedBatchIsRetriedAloneAndKeepsTheBatchesBeforeIt() {
    FakeCampaignDelegates delegates = new FakeCampaignDelegates(SEVEN_MEMBERS, BATCH_SIZE);
    delegates.register();
    ProcessInstance campaign = startCampaign();
    execute(job(campaign)); // prepare-roster
    execute(job(campaign)); // first batch: 3 members

    delegates.failNextBatch = true;
    Job secondBatch = job(campaign);
    assertThatThrownBy(() -> managementService().executeJob(secondBatch.getId()))
        .hasMessageContaining("roster store unavailable");

    assertThat(memberEvaluations()).as("the first batch stays committed").isEqualTo(3);
    assertThat(job(campaign)).hasActivityId(START_MEMBER_BATCH).hasRetries(4); // R5/PT30S
    execute(job(campaign));
    assertThat(memberEvaluations()).isEqualTo(6);
  }

  /**
   * Two lanes, as the application launches by default: each lane takes batch after batch, its jobs not exclusive (so
   * the job executor may run the two lanes' batches at once; here the test runs them one by one), until a batch is
   * not full; once both lanes have ended (their ends counted one at a time, exclusive jobs), the launch is checked
   * once and the campaign goes on. Every member is started once.
   */
  @Test
  void twoLanesTakeBatchesSideBySideAndEveryMemberIsStartedOnce() {
    FakeCampaignDelegates delegates = new FakeCampaignDelegates(SEVEN_MEMBERS, BATCH_SIZE);
    delegates.register();
    ProcessInstance campaign = startCampaign(2);
    execute(job(campaign)); // prepare-roster

    // both lanes wait at their first batch, each a job of its own that is not exclusive
    assertThat(batchJobOfLane(campaign, 0)).isNotNull();
    assertThat(batchJobOfLane(campaign, 1)).isNotNull();
    assertThat(jobs(campaign))
        .hasSize(2)
        .allSatisfy(j -> assertThat(((JobEntity) j).isExclusive()).as("exclusive").isFalse());

    execute(batchJobOfLane(campaign, 0)); // members 1-3
    execute(batchJobOfLane(campaign, 1)); // members 4-6
    execute(batchJobOfLane(campaign, 0)); // member 7: not a full batch, lane 0 ends
    assertThat(batchJobOfLane(campaign, 0)).as("lane 0 ended").isNull();
    execute(batchJobOfLane(campaign, 1)); // nobody left: lane 1 ends
    assertThat(delegates.lanes).containsExactly(0, 1, 0, 1);
    assertThat(delegates.batches).containsExactly(3, 3, 1, 0);

    // the two lanes' ends: exclusive jobs, counted one after the other
    List<Job> laneEnds = jobs(campaign);
    assertThat(laneEnds)
        .hasSize(2)
        .allSatisfy(j -> assertThat(((JobEntity) j).isExclusive()).as("exclusive").isTrue());
    execute(laneEnds.get(0));
    assertThat(campaign).as("one lane still open").hasNotPassed(CHECK_LAUNCH_COMPLETE);
    execute(laneEnds.get(1));
    assertThat(campaign).hasPassed(CHECK_LAUNCH_COMPLETE).isWaitingAtExactly(MEMBERS_DECIDED);
    assertThat(passes(campaign, CHECK_LAUNCH_COMPLETE)).as("the launch checked once").isOne();
    assertThat(passes(campaign, ProcessKeys.LAUNCH_LANES)).as("lanes").isEqualTo(2);

    // every member started, once
    for (String member : SEVEN_MEMBERS) {
      assertThat(
              processInstanceQuery()
                  .processInstanceBusinessKey(BusinessKeys.member(MemberFixtures.YEAR, member))
                  .count())
          .as(member)
          .isOne();
    }
    assertThat(memberEvaluations()).isEqualTo(7);
  }

  /**
   * A member a movement held while both lanes passed (its roster line locked, so skipped) is still not started when
   * the lanes end: the check sends the launch round again, and the member is started then.
   */
  @Test
  void aMemberSkippedByEveryLaneSendsTheLaunchRoundAgain() {
    FakeCampaignDelegates delegates = new FakeCampaignDelegates(SEVEN_MEMBERS, 10);
    delegates.heldByAMovement.add("member4");
    delegates.register();
    ProcessInstance campaign = startCampaign(2);
    execute(job(campaign)); // prepare-roster
    execute(batchJobOfLane(campaign, 0)); // six members: not a full batch
    execute(batchJobOfLane(campaign, 1)); // nobody it may take
    delegates.heldByAMovement.clear(); // the movement was rolled back: member4 is PENDING again
    jobs(campaign).forEach(BpmnAwareTests::execute); // the lanes' ends, then the check: one left

    assertThat(campaign).isWaitingAt(START_MEMBER_BATCH);
    assertThat(passes(campaign, CHECK_LAUNCH_COMPLETE)).isOne();
    execute(batchJobOfLane(campaign, 0)); // member4
    execute(batchJobOfLane(campaign, 1));
    jobs(campaign).forEach(BpmnAwareTests::execute);

    assertThat(campaign).isWaitingAtExactly(MEMBERS_DECIDED);
    assertThat(passes(campaign, CHECK_LAUNCH_COMPLETE)).isEqualTo(2);
    assertThat(delegates.batches).containsExactly(6, 0, 1, 0);
    assertThat(memberEvaluations()).isEqualTo(7);
  }

  /** The campaign's jobs now. */
  private static List<Job> jobs(ProcessInstance campaign) {
    return managementService().createJobQuery().processInstanceId(campaign.getId()).list();
  }

  /** The job of the next batch of that lane (launchLane), or null once the lane has ended. */
  private static Job batchJobOfLane(ProcessInstance campaign, int lane) {
    return managementService()
        .createJobQuery()
        .processInstanceId(campaign.getId())
        .activityId(START_MEMBER_BATCH)
        .list()
        .stream()
        .filter(
            j ->
                Integer.valueOf(lane)
                    .equals(
                        runtimeService()
                            .getVariable(j.getExecutionId(), ProcessVariables.LAUNCH_LANE)))
        .findFirst()
        .orElse(null);
  }

  /** How many times the campaign's process passed that activity (ended activity instances). */
  private static long passes(ProcessInstance campaign, String activityId) {
    return BpmnAwareTests.historyService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(campaign.getId())
        .activityId(activityId)
        .finished()
        .count();
  }

  /** A campaign launched in one lane: one batch after another, as before the lanes. */
  private static ProcessInstance startCampaign() {
    return startCampaign(1);
  }

  private static ProcessInstance startCampaign(int launchLanes) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ProcessVariables.LAUNCH_PARALLELISM, launchLanes);
    variables.put(ProcessVariables.CAMPAIGN_ID, MemberFixtures.CAMPAIGN_ID);
    variables.put(ProcessVariables.ORGANIZATION_ID, MemberFixtures.ORGANIZATION_ID);
    variables.put(ProcessVariables.YEAR, MemberFixtures.YEAR);
    variables.put(ProcessVariables.REGULATION, Regulation.QD_366_2025.code());
    variables.put(ProcessVariables.SELF_REVIEW_DUE, MemberFixtures.SELF_REVIEW_DUE);
    variables.put(ProcessVariables.RESIDENCE_FEEDBACK_DUE, MemberFixtures.RESIDENCE_FEEDBACK_DUE);
    variables.put(ProcessVariables.BRANCH_REVIEW_DUE, MemberFixtures.BRANCH_REVIEW_DUE);
    variables.put(ProcessVariables.DECISION_DUE, MemberFixtures.DECISION_DUE);
    return runtimeService()
        .startProcessInstanceByKey(
            ProcessKeys.EVALUATION_CAMPAIGN,
            BusinessKeys.campaign(MemberFixtures.YEAR, MemberFixtures.ORGANIZATION_ID),
            variables);
  }

  private static long memberEvaluations() {
    return processInstanceQuery().processDefinitionKey(ProcessKeys.MEMBER_EVALUATION).count();
  }
}
