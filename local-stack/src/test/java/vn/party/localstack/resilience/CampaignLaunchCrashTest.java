package vn.party.localstack.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.party.localstack.resilience.Fixture.count;
import static vn.party.localstack.resilience.Fixture.waitUntil;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.party.localstack.CampaignRequest;
import vn.party.localstack.LocalInfrastructure;
import vn.party.localstack.ServiceProcess;
import vn.party.localstack.resilience.Fixture.Reply;

/**
 * evaluation-service is SIGKILLed in the middle of launching a campaign for 3,000 members (generated straight into
 * the member registry tables: 10 branches of 300; one transferred away and one suspended, so 2,998 eligible), half a
 * batch after a quarter of them have been started (asserted: between 10 % and 90 %), and started
 * again with the same command. The launch resumes by itself and every eligible member ends up with exactly one
 * {@code member-evaluation} (engine and domain tables agree), one self-review task, one timeline entry and one
 * task.assigned event.
 *
 * <p>The batch job that was running when the process died stays locked by the dead node until its lock expires; the
 * test runs the service with {@code camunda.bpm.job-execution.lock-time-in-millis=60000} so that this takes a minute
 * rather than the engine's default five.
 */
class CampaignLaunchCrashTest {

  private static final Logger log = LoggerFactory.getLogger(CampaignLaunchCrashTest.class);
  private static final String ORGANIZATION = "crash-launch";
  private static final int BRANCHES = 10;
  private static final int PER_BRANCH = 300;
  private static final int MEMBERS = BRANCHES * PER_BRANCH;
  private static final int YEAR = 2026;
  private static final long LOCK_TIME_MILLIS = 60_000;

  private static LocalInfrastructure infra;
  private static ServiceProcess evaluation;
  private static String evaluationUrl;

  @BeforeAll
  static void startSystem() {
    Fixture.freshLogDir(CampaignLaunchCrashTest.class);
    infra = LocalInfrastructure.startForTests();
    int port = LocalInfrastructure.freePort();
    evaluationUrl = "http://localhost:" + port;
    evaluation =
        Fixture.started(
            Fixture.evaluationService(infra, port, false, CampaignLaunchCrashTest.class)
                .property("camunda.bpm.job-execution.lock-time-in-millis", LOCK_TIME_MILLIS));
  }

  @AfterAll
  static void stopSystem() {
    Fixture.stopSystem(infra, evaluation);
  }

  @Test
  void aLaunchKilledHalfwayResumesAndStartsEveryoneExactlyOnce() {
    DataSource db = infra.dataSource();
    Fixture.generateMembers(db, ORGANIZATION, BRANCHES, PER_BRANCH, null);
    // two members who are not rated this year: one transferred away (not on the roster), one
    // suspended (NOT_RATED)
    String transferred = String.format("%s-m%05d", ORGANIZATION, MEMBERS);
    String suspended = String.format("%s-m%05d", ORGANIZATION, MEMBERS - 1);
    Fixture.update(
        db, "update evaluation.party_member set status = 'TRANSFERRED' where id = ?", transferred);
    Fixture.update(
        db, "update evaluation.party_member set suspended = true where id = ?", suspended);
    int eligible = MEMBERS - 2;

    Reply opened =
        Fixture.post(
            evaluationUrl + "/api/v1/campaigns", "admin", CampaignRequest.of(ORGANIZATION, YEAR));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String campaignId = opened.json().path("id").asText();

    // ---- watch the launch; kill the service a half batch after a quarter of the members have been
    // started
    List<long[]> progress = new ArrayList<>(); // {nanoTime, membersStarted}
    long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
    long started = 0;
    while (started < eligible / 4) {
      assertThat(System.nanoTime())
          .as("launch progress within 15 minutes (started " + started + ")")
          .isLessThan(deadline);
      assertThat(evaluation.isAlive()).as("evaluation-service alive during the launch").isTrue();
      started = membersStarted(db, campaignId);
      if (progress.isEmpty() || progress.get(progress.size() - 1)[1] != started) {
        progress.add(new long[] {System.nanoTime(), started});
      }
      Fixture.sleep(Duration.ofMillis(100));
    }
    long batchNanos =
        progress.size() < 3
            ? 2_000_000_000L
            : (progress.get(progress.size() - 1)[0] - progress.get(1)[0])
                / Math.max(1, progress.size() - 2);
    Fixture.sleep(Duration.ofNanos(batchNanos / 2));
    evaluation.kill();
    long killedAt = System.nanoTime();
    // the batch job was being executed: locked by the dead node
    long batchInFlight =
        count(
            db,
            """
        select count(*) from act_ru_job j join evaluation.campaign c on c.process_instance_id = j.process_instance_id_
        where c.id = ?::uuid and j.lock_owner_ is not null""",
            campaignId);

    // ---- the state the crash left: the batch in flight rolled back whole
    long startedAtKill = membersStarted(db, campaignId);
    long recordsAtKill =
        count(
            db,
            "select count(*) from evaluation.member_evaluation where campaign_id = ?::uuid",
            campaignId);
    long instancesAtKill = memberInstances(db);
    double percentAtKill = 100.0 * startedAtKill / eligible;
    log.info(
        "killed with {} of {} members started ({} %), {} records, {} process instances; batch ~{} ms, "
            + "batch job locked by the dead node: {}",
        startedAtKill,
        eligible,
        Math.round(percentAtKill),
        recordsAtKill,
        instancesAtKill,
        batchNanos / 1_000_000,
        batchInFlight);
    assertThat(percentAtKill)
        .as("killed between 10 % and 90 % of the launch")
        .isBetween(10.0, 90.0);
    assertThat(recordsAtKill).as("records = started members at the crash").isEqualTo(startedAtKill);
    assertThat(instancesAtKill)
        .as("process instances = started members at the crash")
        .isEqualTo(startedAtKill);

    // ---- same command again; the launch resumes by itself
    evaluation.start().awaitHealthy(Fixture.START_TIMEOUT);
    waitUntil(
        "all " + eligible + " members started after the restart",
        Duration.ofMinutes(20),
        () -> membersStarted(db, campaignId) == eligible);
    long resumeSeconds = (System.nanoTime() - killedAt) / 1_000_000_000L;
    Fixture.sleep(Duration.ofSeconds(5)); // anything still running would show now

    // ---- exactly one member-evaluation per eligible member, engine and domain agreeing
    long instances = memberInstances(db);
    long distinctKeys =
        count(
            db,
            """
        select count(distinct business_key_) from act_hi_procinst where proc_def_key_ = 'member-evaluation'""");
    long running =
        count(
            db,
            """
        select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_
        where d.key_ = 'member-evaluation' and e.id_ = e.proc_inst_id_""");
    long runningDistinct =
        count(
            db,
            """
        select count(distinct e.business_key_) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_
        where d.key_ = 'member-evaluation' and e.id_ = e.proc_inst_id_""");
    long records =
        count(
            db,
            "select count(*) from evaluation.member_evaluation where campaign_id = ?::uuid",
            campaignId);
    long recordsMatchingEngine =
        count(
            db,
            """
        select count(*) from evaluation.member_evaluation m join act_hi_procinst p on p.id_ = m.process_instance_id
        where m.campaign_id = ?::uuid and p.business_key_ = m.year || ':' || m.member_id""",
            campaignId);
    long missing =
        count(
            db,
            """
        select count(*) from evaluation.party_member m join evaluation.branch b on b.id = m.branch_id
        where b.organization_id = ? and m.status = 'ACTIVE' and not m.suspended and not exists (select 1 from act_hi_procinst p
          where p.proc_def_key_ = 'member-evaluation' and p.business_key_ = ?::text || ':' || m.id)""",
            ORGANIZATION,
            String.valueOf(YEAR));
    long ineligibleStarted =
        count(
            db,
            "select count(*) from act_hi_procinst where business_key_ in (?, ?)",
            YEAR + ":" + transferred,
            YEAR + ":" + suspended);
    long notRated =
        count(
            db, "select members_not_rated from evaluation.campaign where id = ?::uuid", campaignId);
    long selfReviewTasks =
        count(db, "select count(*) from act_ru_task where task_def_key_ = 'self-review'");
    long timelineStarts =
        count(
            db, "select count(*) from evaluation.timeline_entry where kind = 'EVALUATION_STARTED'");
    long timelineDistinct =
        count(
            db,
            "select count(distinct member_id) from evaluation.timeline_entry where kind = 'EVALUATION_STARTED'");
    long assignedEvents =
        count(
            db,
            "select count(*) from evaluation.outbox where event_type = ?",
            Fixture.TASK_ASSIGNED);
    long assignedDistinct =
        count(
            db,
            "select count(distinct message_key) from evaluation.outbox where event_type = ?",
            Fixture.TASK_ASSIGNED);
    long pending =
        count(
            db,
            "select count(*) from evaluation.campaign_member where campaign_id = ?::uuid "
                + "and status = 'PENDING'",
            campaignId);
    String status =
        (String)
            Fixture.rows(
                    db, "select status from evaluation.campaign where id = ?::uuid", campaignId)
                .get(0)
                .get("status");

    long duplicated =
        (instances - distinctKeys)
            + (running - runningDistinct)
            + (timelineStarts - timelineDistinct);
    Figures.record(
        CampaignLaunchCrashTest.class,
        Map.ofEntries(
            Map.entry("faults.injected", 1),
            Map.entry(
                "faults.survived",
                instances == eligible
                        && distinctKeys == eligible
                        && missing == 0
                        && duplicated == 0
                        && records == eligible
                        && recordsMatchingEngine == eligible
                    ? 1
                    : 0),
            Map.entry("members.generated", MEMBERS),
            Map.entry("members.eligible", eligible),
            Map.entry("kill.members-started", startedAtKill),
            Map.entry("kill.percent", Math.round(percentAtKill)),
            Map.entry("kill.batch-millis", batchNanos / 1_000_000),
            Map.entry("kill.batch-job-in-flight", batchInFlight),
            Map.entry("resume.seconds-from-kill-to-all-started", resumeSeconds),
            Map.entry("job-lock-time-millis", LOCK_TIME_MILLIS),
            Map.entry("evaluations.started", instances),
            Map.entry("evaluations.missing", missing),
            Map.entry("evaluations.duplicated", duplicated),
            Map.entry("events.lost", Math.max(0, eligible - assignedDistinct)),
            Map.entry("events.duplicated", assignedEvents - assignedDistinct)));

    assertThat(status).as("campaign status").isEqualTo("RUNNING");
    assertThat(pending).as("roster rows still pending").isZero();
    assertThat(instances).as("member-evaluation instances (history)").isEqualTo(eligible);
    assertThat(distinctKeys).as("distinct business keys").isEqualTo(eligible);
    assertThat(running).as("running member-evaluation instances").isEqualTo(eligible);
    assertThat(runningDistinct)
        .as("distinct business keys of running instances")
        .isEqualTo(eligible);
    assertThat(missing).as("eligible members without an evaluation").isZero();
    assertThat(ineligibleStarted).as("the transferred and the suspended member").isZero();
    assertThat(notRated).as("members not rated (the suspended one)").isEqualTo(1);
    assertThat(records).as("evaluation records").isEqualTo(eligible);
    assertThat(recordsMatchingEngine)
        .as("records pointing at their own process instance")
        .isEqualTo(eligible);
    assertThat(selfReviewTasks).as("self-review tasks").isEqualTo(eligible);
    assertThat(timelineStarts).as("EVALUATION_STARTED timeline entries").isEqualTo(eligible);
    assertThat(timelineDistinct).isEqualTo(eligible);
    assertThat(assignedEvents).as("task.assigned events").isEqualTo(eligible);
    assertThat(assignedDistinct).isEqualTo(eligible);
  }

  private static long membersStarted(DataSource db, String campaignId) {
    return count(
        db, "select members_started from evaluation.campaign where id = ?::uuid", campaignId);
  }

  private static long memberInstances(DataSource db) {
    return count(
        db, "select count(*) from act_hi_procinst where proc_def_key_ = 'member-evaluation'");
  }
}
