package vn.party.evaluation.process;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Test stand-ins for the delegates evaluation-campaign needs. The batch starter really starts
 * member-evaluation instances, so the tests can see each batch land in its own transaction.
 */
final class FakeCampaignDelegates {

  private final List<String> organizationMembers;
  private final int batchSize;
  private final Deque<String> notStarted = new ArrayDeque<>();
  private int started;

  /** How many members each pass of start-member-batch started, in order. */
  final List<Integer> batches = new ArrayList<>();

  /** The lane (launchLane) of each pass, in the same order. */
  final List<Integer> lanes = new ArrayList<>();

  /**
   * Members a movement holds at the moment (their roster lines locked): a batch skips them, as the application's
   * {@code for update skip locked} does, and they stay not started.
   */
  final java.util.Set<String> heldByAMovement = new java.util.HashSet<>();

  /** Campaign ids that complete-campaign summed up. */
  final List<String> completedCampaigns = new ArrayList<>();

  /** Campaigns whose results were announced. */
  final List<String> announcedCampaigns = new ArrayList<>();

  /** When the complaint window ends: the announcer sets it, as the application does from its configuration. */
  java.util.Date complaintWindowEnd =
      java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(15)));

  /** Set once close-complaint-window ran: re-appraisals decided after it tell the campaign. */
  boolean windowClosed;

  /** What prepare-collectives answers: the branches rated as collectives, and whether the organization is. */
  List<String> ratedBranches = List.of();

  boolean organizationRated;

  /** Collective ids that record-collective-decision recorded, with their level, in order. */
  final List<String> decidedCollectives = new ArrayList<>();

  /** Stages the test declared decided (the application counts its roster; these fakes cannot tell heads apart). */
  final java.util.Set<DecisionStage> decidedStages = java.util.EnumSet.noneOf(DecisionStage.class);

  /** Makes the next pass of start-member-batch fail before it starts anyone. */
  boolean failNextBatch;

  /** The organization's live figures the quota listener reports: EXCELLENT, GOOD, most EXCELLENT allowed. */
  int excellent;

  int good;
  int excellentAllowed;

  FakeCampaignDelegates(List<String> organizationMembers, int batchSize) {
    this.organizationMembers = organizationMembers;
    this.batchSize = batchSize;
  }

  void register() {
    MemberFixtures.registerCampaignBeans();
    Mocks.register(DelegateNames.ROSTER_PREPARER, (JavaDelegate) this::prepareRoster);
    Mocks.register(DelegateNames.MEMBER_BATCH_STARTER, (JavaDelegate) this::startBatch);
    Mocks.register(
        DelegateNames.LAUNCH_COMPLETION_CHECK,
        (JavaDelegate)
            execution ->
                execution.setVariable(ProcessVariables.REMAINING_MEMBERS, notStarted.size()));
    Mocks.register(DelegateNames.DECISION_STAGE_OPENER, (JavaDelegate) this::openStage);
    Mocks.register(DelegateNames.CAMPAIGN_COMPLETER, (JavaDelegate) this::completeCampaign);
    Mocks.register(DelegateNames.RESULTS_ANNOUNCER, (JavaDelegate) this::announceResults);
    Mocks.register(
        DelegateNames.COMPLAINT_WINDOW_CLOSER, (JavaDelegate) this::closeComplaintWindow);
    Mocks.register(DelegateNames.REAPPRAISAL_RECORDER, (JavaDelegate) this::recordReappraisal);
    Mocks.register(
        DelegateNames.FINALIZATION_QUOTA,
        (TaskListener)
            task -> {
              task.setVariable(ProcessVariables.EXCELLENT_COUNT, excellent);
              task.setVariable(ProcessVariables.GOOD_COUNT, good);
              task.setVariable(ProcessVariables.EXCELLENT_ALLOWED, excellentAllowed);
            });
    Mocks.register(
        DelegateNames.COLLECTIVE_ROSTER_PREPARER,
        (JavaDelegate)
            execution -> {
              execution.setVariable(
                  ProcessVariables.RATED_BRANCHES, new ArrayList<>(ratedBranches));
              execution.setVariable(ProcessVariables.ORGANIZATION_RATED, organizationRated);
            });
    Mocks.register(
        DelegateNames.COLLECTIVE_EVALUATION_OPENER,
        (JavaDelegate) FakeCampaignDelegates::openCollective);
    Mocks.register(
        DelegateNames.COLLECTIVE_DECISION_RECORDER,
        (JavaDelegate)
            execution ->
                decidedCollectives.add(
                    execution.getVariable(ProcessVariables.COLLECTIVE_ID)
                        + "="
                        + execution.getVariable(ProcessVariables.DECIDED_LEVEL)));
  }

  /** What the organization's members are decided now (the quota listener reads these). */
  void decided(int excellent, int good, int excellentAllowed) {
    this.excellent = excellent;
    this.good = good;
    this.excellentAllowed = excellentAllowed;
  }

  /** What the application's opener sets: the two groups by the collective's kind, and no cap facts. */
  static void openCollective(DelegateExecution execution) {
    String organizationId = (String) execution.getVariable(ProcessVariables.ORGANIZATION_ID);
    String collectiveId = (String) execution.getVariable(ProcessVariables.COLLECTIVE_ID);
    boolean branch =
        CollectiveKind.BRANCH
            .name()
            .equals(execution.getVariable(ProcessVariables.COLLECTIVE_KIND));
    execution.setVariable(
        ProcessVariables.COLLECTIVE_REVIEWER_GROUP,
        branch
            ? Groups.branchCommittee(collectiveId)
            : Groups.organizationCommittee(organizationId));
    execution.setVariable(
        ProcessVariables.COLLECTIVE_RATER_GROUP,
        branch
            ? Groups.organizationCommittee(organizationId)
            : Groups.superiorCommittee(organizationId));
  }

  private void prepareRoster(DelegateExecution execution) {
    notStarted.addAll(organizationMembers);
  }

  /** As the application's batch: takes the next members nobody holds, starts them, says whether it was full. */
  private void startBatch(DelegateExecution execution) {
    if (failNextBatch) {
      failNextBatch = false;
      throw new IllegalStateException("roster store unavailable");
    }
    int year = (Integer) execution.getVariable(ProcessVariables.YEAR);
    List<String> taken =
        notStarted.stream().filter(m -> !heldByAMovement.contains(m)).limit(batchSize).toList();
    for (String memberId : taken) {
      notStarted.remove(memberId);
      execution
          .getProcessEngineServices()
          .getRuntimeService()
          .startProcessInstanceByKey(
              ProcessKeys.MEMBER_EVALUATION,
              BusinessKeys.member(year, memberId),
              MemberFixtures.startVariables(memberId));
    }
    started += taken.size();
    batches.add(taken.size());
    lanes.add((Integer) execution.getVariable(ProcessVariables.LAUNCH_LANE));
    execution.setVariableLocal(ProcessVariables.MEMBER_BATCH_FULL, taken.size() == batchSize);
  }

  /** Decided: declared so by the test, or every member started has been decided (none, for an empty roster). */
  private void openStage(DelegateExecution execution) {
    DecisionStage stage = DecisionStage.openedBy(execution.getCurrentActivityId());
    execution.setVariable(
        ProcessVariables.STAGE_DECIDED,
        decidedStages.contains(stage)
            || (notStarted.isEmpty() && decidedMembers(execution) == started));
  }

  /** The test's word that the members of {@code stage} are decided: the campaign hears it as the application says it. */
  void stageDecided(DecisionStage stage) {
    decidedStages.add(stage);
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService()
        .createMessageCorrelation(stage.message())
        .processInstanceBusinessKey(
            BusinessKeys.campaign(MemberFixtures.YEAR, MemberFixtures.ORGANIZATION_ID))
        .correlateAll();
  }

  /** Every stage decided at once (a roster without heads). */
  void everyoneDecided() {
    for (DecisionStage stage : DecisionStage.values()) {
      stageDecided(stage);
    }
  }

  /** Members whose evaluation has ended (committed earlier, so a history query sees them). */
  private static long decidedMembers(DelegateExecution execution) {
    ProcessEngineServices engine = execution.getProcessEngineServices();
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.MEMBER_EVALUATION)
        .variableValueEquals(
            ProcessVariables.CAMPAIGN_ID, execution.getVariable(ProcessVariables.CAMPAIGN_ID))
        .finished()
        .count();
  }

  private void announceResults(DelegateExecution execution) {
    announcedCampaigns.add((String) execution.getVariable(ProcessVariables.CAMPAIGN_ID));
    execution.setVariable(ProcessVariables.COMPLAINT_WINDOW_END, complaintWindowEnd);
  }

  /** Re-appraisals still open are the running member-reappraisal instances (the application keeps a table). */
  private void closeComplaintWindow(DelegateExecution execution) {
    windowClosed = true;
    execution.setVariable(ProcessVariables.OPEN_REAPPRAISALS, (int) openReappraisals(execution));
  }

  /** As the application does: the last re-appraisal decided after the window closed lets the campaign go on. */
  private void recordReappraisal(DelegateExecution execution) {
    if (windowClosed && openReappraisals(execution) == 1) { // this one ends with this transaction
      execution
          .getProcessEngineServices()
          .getRuntimeService()
          .createMessageCorrelation(ProcessKeys.MESSAGE_ALL_REAPPRAISALS_DONE)
          .processInstanceBusinessKey(
              BusinessKeys.campaign(MemberFixtures.YEAR, MemberFixtures.ORGANIZATION_ID))
          .correlate();
    }
  }

  private static long openReappraisals(DelegateExecution execution) {
    return execution
        .getProcessEngineServices()
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.MEMBER_REAPPRAISAL)
        .active()
        .count();
  }

  private void completeCampaign(DelegateExecution execution) {
    completedCampaigns.add((String) execution.getVariable(ProcessVariables.CAMPAIGN_ID));
  }
}
