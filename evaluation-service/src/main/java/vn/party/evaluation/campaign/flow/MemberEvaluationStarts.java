package vn.party.evaluation.campaign.flow;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.campaign.Campaign;
import vn.party.evaluation.directory.People;
import vn.party.evaluation.directory.flow.AccountsByIds;
import vn.party.evaluation.messaging.Outbox;
import vn.party.evaluation.process.BusinessKeys;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.record.EvaluationRecords;
import vn.party.evaluation.record.EvaluationRecords.NewEvaluation;
import vn.party.evaluation.rules.FormKind;
import vn.party.evaluation.security.Actors;
import vn.party.evaluation.security.SystemAccess;

/**
 * Starts one member's evaluation in a campaign: the evaluation record, the timeline's EVALUATION_STARTED and the
 * member-evaluation process with the member's and the unit's variables (its self-review task, and the notices its
 * task listeners send, come with it). The one way a member's evaluation starts: the launch's batches
 * ({@code MemberBatches}) and a member transferred into an organization whose campaign is running
 * ({@code RunningCampaignJoins}). Runs in the caller's transaction, as the system (a movement is recorded by a person
 * the engine would not let start processes; the launch's jobs have no person at all).
 */
@Component
public class MemberEvaluationStarts {

  /** One rated line of a campaign's roster, with what the process needs of the member and the unit. */
  public record Starting(
      String memberId,
      String fullName,
      String branchId,
      String organizationId,
      String formKind,
      boolean leadershipPost,
      String headOf) {}

  private final EvaluationRecords records;
  private final Timeline timeline;
  private final Outbox outbox;
  private final People people;
  private final AccountsByIds accounts;
  private final RuntimeService runtimeService;
  private final SystemAccess system;

  public MemberEvaluationStarts(
      EvaluationRecords records,
      Timeline timeline,
      Outbox outbox,
      People people,
      AccountsByIds accounts,
      RuntimeService runtimeService,
      SystemAccess system) {
    this.records = records;
    this.timeline = timeline;
    this.outbox = outbox;
    this.people = people;
    this.accounts = accounts;
    this.runtimeService = runtimeService;
    this.system = system;
  }

  /**
   * @return the process instance started, or null when the member already has this year's evaluation (nothing is
   *     written then)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public String start(Campaign campaign, Starting entry) {
    return startAll(campaign, List.of(entry)).get(entry.memberId());
  }

  /**
   * Starts several members' evaluations, each as {@link #start} does; their records are written in one statement,
   * their processes attached in another, their accounts read in one query, and their timeline entries and events
   * written together at the end (issue 15: a launch batch sent these as statements per member).
   *
   * @return the process instances started, by member id: none for a member who already has this year's evaluation
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Map<String, String> startAll(Campaign campaign, List<Starting> entries) {
    Set<String> created =
        records.createAll(
            campaign.year(),
            campaign.id(),
            entries.stream()
                .map(e -> new NewEvaluation(e.memberId(), e.organizationId(), e.branchId()))
                .toList());
    Map<String, String> started = new LinkedHashMap<>();
    // each self-review is the member's own: its notice's recipient is read with the others'
    people.usersKnown(
        created,
        accounts.read(created),
        () ->
            timeline.writtenTogether(
                () ->
                    outbox.writtenTogether(
                        () -> {
                          for (Starting entry : entries) {
                            if (created.contains(entry.memberId())) {
                              started.put(entry.memberId(), startProcess(campaign, entry));
                            }
                          }
                          return started;
                        })));
    records.attachProcesses(campaign.year(), started);
    return started;
  }

  private String startProcess(Campaign campaign, Starting entry) {
    timeline.record(
        campaign.year(),
        entry.memberId(),
        TimelineKind.EVALUATION_STARTED,
        null,
        null,
        Actors.SYSTEM,
        Map.of("campaignId", campaign.id().toString(), "regulation", campaign.regulation()));
    Map<String, Object> variables = new HashMap<>();
    variables.put(CAMPAIGN_ID, campaign.id().toString());
    variables.put(YEAR, campaign.year());
    variables.put(MEMBER_ID, entry.memberId());
    variables.put(MEMBER_NAME, entry.fullName());
    variables.put(ORGANIZATION_ID, entry.organizationId());
    variables.put(BRANCH_ID, entry.branchId());
    variables.put(REGULATION, campaign.regulation());
    if (!FormKind.OFFICIAL.name().equals(entry.formKind())) { // absent: OFFICIAL to every reader
      variables.put(FORM_KIND, entry.formKind());
    }
    if (entry.leadershipPost()) { // Mẫu 02B; absent counts as false for every reader (issue 15)
      variables.put(LEADERSHIP_POST, true);
    }
    if (entry.headOf() != null) { // a collective before its head: decided after the unit is rated
      variables.put(HEAD_OF, entry.headOf());
      variables.put(
          HEADED_UNIT_ID,
          "BRANCH".equals(entry.headOf()) ? entry.branchId() : entry.organizationId());
    }
    // Nothing that follows from these (issue 15: each variable costs rows at every start): the
    // self-review's assignee is memberId, the committees follow from branchId and organizationId
    // (TaskGroups) and the deadlines are read from the campaign by campaignId when each task or
    // timer is created (CampaignDeadlinesInProcess).
    return system.call(
        () ->
            runtimeService
                .startProcessInstanceByKey(
                    ProcessKeys.MEMBER_EVALUATION,
                    BusinessKeys.member(campaign.year(), entry.memberId()),
                    variables)
                .getId());
  }
}
