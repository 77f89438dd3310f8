package vn.party.evaluation.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.management.JobDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.party.evaluation.CampaignOpening;
import vn.party.evaluation.IntegrationTestSupport;
import vn.party.evaluation.UnitFixture;
import vn.party.evaluation.process.ProcessKeys;

/**
 * Issue 15: a launch runs {@code evaluation.campaign.launch-parallelism} (2) lanes at once, each a job-executor thread
 * starting members, and still starts every member exactly once. To see the two lanes at work together, the test holds
 * every member's evaluation row (an uncommitted insert of its own, same year and member) before the roster is
 * prepared: each lane's first start then waits for the test's transaction. Two waiting at the same time means two
 * batches in flight at once — a launch in one loop never has more than one. Then the test lets go, and every member
 * is started once, by the two lanes.
 */
class ParallelLaunchTest extends IntegrationTestSupport {

  private static final String ORG = "parallel-launch-ward";
  private static final String BRANCH = "parallel-launch-cb1";
  private static final int YEAR = 2026;

  /** Batches of 4 in these tests (IntegrationTestSupport): three full, the last of one. */
  private static final int MEMBERS = 13;

  @Autowired private DataSource dataSource;
  @Autowired private ManagementService managementService;
  @Autowired private HistoryService historyService;
  @Autowired private CampaignProperties properties;

  @Test
  void twoLanesStartMembersAtTheSameTimeAndEveryMemberOnce() throws SQLException {
    assertThat(properties.launchParallelism()).isEqualTo(2);
    UnitFixture units = new UnitFixture(this::as, jdbc);
    units.organizationRows(ORG, "Đảng bộ khởi tạo song song", BRANCH);
    List<String> members =
        IntStream.rangeClosed(1, MEMBERS).mapToObj(n -> String.format("pl-m%02d", n)).toList();
    for (String member : members) {
      units.rosterRow(member, BRANCH);
    }

    // the roster waits until the test holds every member's evaluation row
    List<String> prepareRoster =
        managementService
            .createJobDefinitionQuery()
            .processDefinitionKey(ProcessKeys.EVALUATION_CAMPAIGN)
            .activityIdIn(ProcessKeys.PREPARE_ROSTER)
            .list()
            .stream()
            .map(JobDefinition::getId)
            .toList();
    prepareRoster.forEach(
        id ->
            managementService.updateJobDefinitionSuspensionState().byJobDefinitionId(id).suspend());
    String campaignId;
    try (Connection holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      try {
        campaignId =
            CampaignOpening.opened(
                as("admin"), ORG, YEAR, "QD-366-2025", CampaignOpening.Dues.daysAhead(5, 6, 7, 8));
        holdEvaluationRows(holder, UUID.fromString(campaignId), members);
        activate(prepareRoster);

        int holderPid = pid(holder);
        await()
            .atMost(Duration.ofSeconds(90))
            .untilAsserted(
                () ->
                    assertThat(waitingFor(holderPid))
                        .as("launch batches in flight at the same time, waiting for the test")
                        .isEqualTo(2));
      } finally {
        holder.rollback();
        activate(prepareRoster);
      }
    }

    CampaignOpening.awaitLaunch(
        as("admin"),
        campaignId,
        Duration.ofSeconds(90),
        campaign -> {
          assertThat(campaign.at("/progress/membersStarted").asInt()).isEqualTo(MEMBERS);
          assertThat(campaign.get("status").asText()).isEqualTo("RUNNING");
        });

    // every member started exactly once: one evaluation record, one process instance, one roster
    // line STARTED
    assertThat(
            jdbc.sql(
                    "select member_id from evaluation.member_evaluation where year = :y and organization_id = :o"
                        + " order by member_id")
                .param("y", YEAR)
                .param("o", ORG)
                .query(String.class)
                .list())
        .containsExactlyElementsOf(members);
    assertThat(
            jdbc.sql(
                    """
                    select business_key_ from act_hi_procinst
                    where proc_def_key_ = 'member-evaluation' and business_key_ like :key
                    order by business_key_""")
                .param("key", YEAR + ":pl-m%")
                .query(String.class)
                .list())
        .containsExactlyElementsOf(members.stream().map(m -> YEAR + ":" + m).toList());
    assertThat(
            jdbc.sql(
                    "select count(*) from evaluation.campaign_member where campaign_id = :id and status = 'STARTED'")
                .param("id", UUID.fromString(campaignId))
                .query(Integer.class)
                .single())
        .isEqualTo(MEMBERS);

    // by two lanes, each taking batches; the launch checked once
    String processInstanceId =
        jdbc.sql("select process_instance_id from evaluation.campaign where id = :id")
            .param("id", UUID.fromString(campaignId))
            .query(String.class)
            .single();
    List<HistoricActivityInstance> batches =
        historyService
            .createHistoricActivityInstanceQuery()
            .processInstanceId(processInstanceId)
            .activityId(ProcessKeys.START_MEMBER_BATCH)
            .finished()
            .list();
    assertThat(
            batches.stream().map(HistoricActivityInstance::getParentActivityInstanceId).distinct())
        .as("lanes that took batches")
        .hasSize(2);
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId)
                .activityId(ProcessKeys.CHECK_LAUNCH_COMPLETE)
                .count())
        .isOne();
  }

  /**
   * An evaluation row of the year for each member, not committed: a launch's start of that member (an insert of the
   * same year and member) waits until this transaction ends.
   */
  private static void holdEvaluationRows(Connection holder, UUID campaignId, List<String> members)
      throws SQLException {
    try (PreparedStatement insert =
        holder.prepareStatement(
            """
            insert into evaluation.member_evaluation (year, member_id, campaign_id, organization_id, branch_id, status)
            values (?, ?, ?, ?, ?, 'SELF_REVIEW')""")) {
      for (String member : members) {
        insert.setInt(1, YEAR);
        insert.setString(2, member);
        insert.setObject(3, campaignId);
        insert.setString(4, ORG);
        insert.setString(5, BRANCH);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Lets the suspended job definitions, and their jobs, run again. */
  private void activate(List<String> jobDefinitionIds) {
    jobDefinitionIds.forEach(
        id ->
            managementService
                .updateJobDefinitionSuspensionState()
                .byJobDefinitionId(id)
                .includeJobs(true)
                .activate());
  }

  private static int pid(Connection connection) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("select pg_backend_pid()");
        ResultSet result = query.executeQuery()) {
      result.next();
      return result.getInt(1);
    }
  }

  /** Database sessions waiting for a lock the given session holds. */
  private int waitingFor(int pid) {
    return jdbc.sql("select count(*) from pg_stat_activity where :pid = any(pg_blocking_pids(pid))")
        .param("pid", pid)
        .query(Integer.class)
        .single();
  }
}
