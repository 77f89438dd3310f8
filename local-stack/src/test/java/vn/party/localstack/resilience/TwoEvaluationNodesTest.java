package vn.party.localstack.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.party.localstack.resilience.Fixture.count;
import static vn.party.localstack.resilience.Fixture.waitUntil;

import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.party.localstack.BranchReview;
import vn.party.localstack.CampaignRequest;
import vn.party.localstack.LocalInfrastructure;
import vn.party.localstack.SelfCriticism;
import vn.party.localstack.ServiceProcess;
import vn.party.localstack.resilience.Fixture.OutboxEvent;
import vn.party.localstack.resilience.Fixture.Reply;

/**
 * Two evaluation-service nodes on the same database and the same topics (one consumer group), as a scaled-out
 * deployment runs them. Both run the job executor, the outbox publisher and the Kafka consumer; the test sends each
 * request to both at once.
 * <ul>
 *   <li>jobs: six organizations of 100 generated members each, their campaigns opened at the same instant through
 *   both nodes and launched in batches of 20 (6 roster jobs, and 30 batch jobs with members in two lanes per
 *   campaign, each batch job taken by either node): each job executed once, each member started once;</li>
 *   <li>events: 15 residence comments, each delivered twice under different Kafka keys so that the two copies land
 *   on different partitions and may be taken by the two nodes at the same time: each handled once;</li>
 *   <li>tasks: every self-review, branch review and committee decision of the 15 demo members is completed through
 *   both nodes at the same instant: exactly one completion wins, the other is refused with a 4xx, nothing is
 *   recorded twice;</li>
 *   <li>outgoing events: published once each (two publishers), one e-mail per recipient and event.</li>
 * </ul>
 */
class TwoEvaluationNodesTest {

  private static final Logger log = LoggerFactory.getLogger(TwoEvaluationNodesTest.class);
  private static final int YEAR = 2026;
  private static final int DEMO_MEMBERS = 15;
  private static final int ORGANIZATIONS = 6;
  private static final int PER_ORGANIZATION = 100;
  private static final int GENERATED = ORGANIZATIONS * PER_ORGANIZATION;
  private static final int BATCH = 20;

  private static LocalInfrastructure infra;
  private static ServiceProcess nodeA;
  private static ServiceProcess nodeB;
  private static ServiceProcess notification;
  private static String urlA;
  private static String urlB;

  @BeforeAll
  static void startSystem() {
    Fixture.freshLogDir(TwoEvaluationNodesTest.class);
    infra = LocalInfrastructure.startForTests();
    int portA = LocalInfrastructure.freePort();
    int portB = LocalInfrastructure.freePort();
    urlA = "http://localhost:" + portA;
    urlB = "http://localhost:" + portB;
    // the second node starts once the first has created the schema and the demo data
    nodeA = Fixture.started(node(portA, "node-a"));
    nodeB = Fixture.started(node(portB, "node-b"));
    notification =
        Fixture.started(
            Fixture.notificationService(
                infra, LocalInfrastructure.freePort(), urlA, TwoEvaluationNodesTest.class));
  }

  private static ServiceProcess.Builder node(int port, String name) {
    return Fixture.evaluationService(name, infra, port, true, TwoEvaluationNodesTest.class)
        .property("camunda.bpm.generic-properties.properties.hostname", name)
        .property("evaluation.campaign.launch-batch-size", BATCH)
        // an idle node looks for due jobs every second (default: backs off up to a minute), so that
        // both compete
        .property("camunda.bpm.job-execution.max-wait", 1000);
  }

  @AfterAll
  static void stopSystem() {
    Fixture.stopSystem(infra, notification, nodeB, nodeA);
  }

  @Test
  void twoNodesExecuteEveryJobHandleEveryEventAndCompleteEveryTaskOnce() throws Exception {
    DataSource db = infra.dataSource();
    ExecutorService pool = Executors.newFixedThreadPool(8);

    // ---- jobs: launches in 30 batches with members, taken by either node
    List<CompletableFuture<Reply>> launches = new ArrayList<>();
    CountDownLatch launch = new CountDownLatch(1);
    for (int o = 1; o <= ORGANIZATIONS; o++) {
      String organization = "two-nodes-" + o;
      Fixture.generateMembers(db, organization, 2, PER_ORGANIZATION / 2, null);
      String url = o % 2 == 0 ? urlB : urlA;
      launches.add(
          CompletableFuture.supplyAsync(
              () -> {
                await(launch);
                return Fixture.post(
                    url + "/api/v1/campaigns", "admin", CampaignRequest.of(organization, YEAR));
              },
              pool));
    }
    launch.countDown();
    for (CompletableFuture<Reply> launched : launches) {
      Reply reply = launched.get(3, TimeUnit.MINUTES);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    // ---- the demo organization's campaign, opened through node A
    Reply opened =
        Fixture.post(
            urlA + "/api/v1/campaigns",
            "committee",
            CampaignRequest.of(Fixture.DEMO_ORGANIZATION, YEAR));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    waitUntil(
        "15 demo self-review tasks",
        Duration.ofMinutes(5),
        () ->
            count(
                    db,
                    """
        select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
        where t.task_def_key_ = 'self-review' and e.business_key_ like ?""",
                    YEAR + ":member%")
                == DEMO_MEMBERS);

    // ---- events: each comment twice, under two keys (two partitions, possibly two nodes at once)
    List<String> feedbackIds = new ArrayList<>();
    List<Map.Entry<String, CloudEvent>> feedback = new ArrayList<>();
    for (int m = 1; m <= DEMO_MEMBERS; m++) {
      String id = "two-nodes-" + UUID.randomUUID();
      feedbackIds.add(id);
      CloudEvent event = Fixture.residenceFeedback(id, "member" + m, YEAR, "Gương mẫu nơi cư trú.");
      feedback.add(Map.entry("member" + m, event));
      feedback.add(Map.entry("copy-" + m, event));
    }
    Fixture.publish(infra, feedback);
    waitUntil(
        "15 comments taken in",
        Duration.ofMinutes(3),
        () ->
            count(
                    db,
                    "select count(*) from evaluation.inbox where event_id = any (?)",
                    (Object) feedbackIds.toArray(String[]::new))
                == DEMO_MEMBERS);

    // ---- tasks: every step of every demo member completed through both nodes at the same instant
    List<String[]> races = new ArrayList<>(); // {step, member, user, statusA, statusB}
    for (int m = 1; m <= DEMO_MEMBERS; m++) {
      String member = "member" + m;
      races.add(race(db, pool, "self-review", member, member, SelfCriticism.of("GOOD")));
    }
    for (int m = 1; m <= DEMO_MEMBERS; m++) {
      races.add(
          race(
              db,
              pool,
              "branch-review",
              "member" + m,
              "secretary" + ((m - 1) / 5 + 1),
              BranchReview.good("Nhất trí.")));
    }
    for (int m = 1; m <= DEMO_MEMBERS; m++) {
      races.add(
          race(
              db,
              pool,
              "committee-decision",
              "member" + m,
              "committee",
              Map.of("decision", "APPROVE", "decidedLevel", "GOOD")));
    }
    pool.shutdownNow();

    // ---- the launch finishes
    waitUntil(
        "all " + GENERATED + " generated members started",
        Duration.ofMinutes(15),
        () ->
            count(
                    db,
                    "select coalesce(sum(members_started), 0) from evaluation.campaign where organization_id like 'two-nodes-%'")
                == GENERATED);
    waitUntil(
        "outbox drained",
        Duration.ofMinutes(5),
        () -> count(db, "select count(*) from evaluation.outbox where published_at is null") == 0);
    List<OutboxEvent> events = Fixture.outboxEvents(db);
    Set<String> expectedMails = Fixture.expectedMails(events);
    waitUntil(
        expectedMails.size() + " e-mails",
        Duration.ofMinutes(5),
        () -> Fixture.mails(infra.greenMail()).size() >= expectedMails.size());
    Fixture.sleep(Duration.ofSeconds(10));

    // jobs
    List<Map<String, Object>> jobsByNode =
        Fixture.rows(
            db,
            """
        select hostname_, count(*) as n from act_hi_job_log where job_state_ = 2 group by hostname_""");
    long jobsExecutedTwice =
        count(
            db,
            """
        select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 group by job_id_
        having count(*) > 1) d""");
    long jobsSucceeded =
        count(db, "select count(distinct job_id_) from act_hi_job_log where job_state_ = 2");
    long jobsCreated =
        count(db, "select count(distinct job_id_) from act_hi_job_log where job_state_ = 0");
    long jobsLeft =
        count(db, "select count(*) from act_ru_job where handler_type_ = 'async-continuation'");
    long instances =
        count(db, "select count(*) from act_hi_procinst where proc_def_key_ = 'member-evaluation'");
    long distinctInstances =
        count(
            db,
            "select count(distinct business_key_) from act_hi_procinst where proc_def_key_ = 'member-evaluation'");
    // events in
    long feedbackRows =
        count(
            db,
            "select count(*) from evaluation.residence_feedback where event_id = any (?)",
            (Object) feedbackIds.toArray(String[]::new));
    long feedbackTimeline =
        count(
            db,
            """
        select count(*) from evaluation.timeline_entry where kind = 'EVENT_RECEIVED' and details->>'eventId' = any (?)""",
            (Object) feedbackIds.toArray(String[]::new));
    Map<String, Integer> deadLettered =
        Fixture.eventIdsOnTopic(infra, LocalInfrastructure.TOPIC_MEMBER_EVENTS_DLT);
    // tasks
    long bothWon = races.stream().filter(r -> "204".equals(r[3]) && "204".equals(r[4])).count();
    long noneWon = races.stream().filter(r -> !"204".equals(r[3]) && !"204".equals(r[4])).count();
    List<String> loserAnswers = races.stream().map(r -> "204".equals(r[3]) ? r[4] : r[3]).toList();
    long losersNot4xx = loserAnswers.stream().filter(s -> !s.startsWith("4")).count();
    long completionsRecorded =
        count(
            db,
            """
        select count(*) from evaluation.timeline_entry where kind = 'TASK_COMPLETED' and member_id like 'member%'""");
    long completionsDistinct =
        count(
            db,
            """
        select count(distinct task_id) from evaluation.timeline_entry
        where kind = 'TASK_COMPLETED' and member_id like 'member%'""");
    Map<String, Long> stepEvents =
        events.stream()
            .filter(e -> e.key().startsWith("member"))
            .collect(
                Collectors.groupingBy(
                    e -> e.type() + " " + e.key() + " " + e.data().path("taskId").asText(""),
                    Collectors.counting()));
    long stepEventsTwice = stepEvents.values().stream().filter(n -> n > 1).count();
    // events out
    Map<String, Integer> onTopic =
        Fixture.eventIdsOnTopic(infra, LocalInfrastructure.TOPIC_EVALUATION_EVENTS);
    long missingOnTopic = events.stream().filter(e -> !onTopic.containsKey(e.eventId())).count();
    long publishedTwice = onTopic.values().stream().filter(n -> n > 1).count();
    Map<String, Integer> duplicatedMails =
        Fixture.duplicates(Fixture.mailCounts(infra.greenMail()));
    long mailsLost =
        Math.max(0, expectedMails.size() - Fixture.mailCounts(infra.greenMail()).size());

    log.info(
        "jobs by node {}, races {}",
        jobsByNode,
        races.stream().map(r -> String.join("/", r)).toList());
    long duplicated =
        jobsExecutedTwice
            + (instances - distinctInstances)
            + Math.max(0, feedbackRows - DEMO_MEMBERS)
            + Math.max(0, feedbackTimeline - DEMO_MEMBERS)
            + bothWon
            + (completionsRecorded - completionsDistinct)
            + stepEventsTwice
            + publishedTwice
            + duplicatedMails.size();
    long lost =
        missingOnTopic
            + mailsLost
            + Math.max(0, DEMO_MEMBERS - feedbackRows)
            + deadLettered.size()
            + Math.max(0, GENERATED + DEMO_MEMBERS - distinctInstances);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("faults.injected", 1);
    figures.put(
        "faults.survived",
        duplicated == 0 && lost == 0 && noneWon == 0 && losersNot4xx == 0 ? 1 : 0);
    figures.put("nodes", 2);
    jobsByNode.forEach(r -> figures.put("jobs.executed." + r.get("hostname_"), r.get("n")));
    figures.put("jobs.executed-twice", jobsExecutedTwice);
    figures.put("events.in.sent-twice", DEMO_MEMBERS);
    figures.put("tasks.raced", races.size());
    figures.put("tasks.completed-twice", bothWon);
    figures.put("tasks.refusals-not-4xx", losersNot4xx);
    figures.put("events.total", events.size());
    figures.put("events.lost", lost);
    figures.put("events.duplicated", duplicated);
    figures.put("emails.expected", expectedMails.size());
    figures.put("emails.received", Fixture.mails(infra.greenMail()).size());
    List<String> notOwed = Fixture.mailsNotOwed(infra.greenMail(), expectedMails);
    log.info("e-mails received beyond those owed: {}", notOwed);
    figures.put("emails.not-owed", notOwed.size());
    Figures.record(TwoEvaluationNodesTest.class, figures);

    // Which node runs a job is the shared job executor's choice: a busy node keeps acquiring, and
    // in a CI run on
    // two loaded cores node-a once took all 38 jobs. So the split is recorded
    // (jobs.executed.node-*), not required;
    // what is required is that each job ran once, on one of the two nodes, and that both nodes
    // served requests (the
    // launches through node B answered 201 above).
    assertThat(jobsByNode)
        .as("jobs executed by the two nodes only")
        .isNotEmpty()
        .allSatisfy(row -> assertThat(row.get("hostname_")).isIn("node-a", "node-b"));
    assertThat(jobsExecutedTwice).as("jobs executed twice").isZero();
    assertThat(jobsSucceeded)
        .as("every created job succeeded once")
        .isEqualTo(jobsCreated - jobsLeft);
    assertThat(instances).as("member-evaluation instances").isEqualTo(GENERATED + DEMO_MEMBERS);
    assertThat(distinctInstances).isEqualTo(GENERATED + DEMO_MEMBERS);
    assertThat(feedbackRows).as("comments stored once each").isEqualTo(DEMO_MEMBERS);
    assertThat(feedbackTimeline).as("comments on the timeline once each").isEqualTo(DEMO_MEMBERS);
    assertThat(deadLettered).as("dead letters").isEmpty();
    assertThat(bothWon).as("tasks completed through both nodes").isZero();
    assertThat(noneWon).as("tasks completed through neither node").isZero();
    assertThat(loserAnswers)
        .as("the losing completion is refused with a 4xx")
        .allMatch(s -> s.startsWith("4"));
    assertThat(completionsRecorded)
        .as("completions recorded")
        .isEqualTo(3L * DEMO_MEMBERS)
        .isEqualTo(completionsDistinct);
    assertThat(stepEventsTwice).as("step events written twice: " + stepEvents).isZero();
    assertThat(missingOnTopic).as("events never published").isZero();
    assertThat(publishedTwice).as("events published twice by the two publishers").isZero();
    assertThat(duplicatedMails).as("e-mails sent twice").isEmpty();
    assertThat(mailsLost).as("e-mails missing").isZero();
  }

  /** Completes {@code step} of {@code member} as {@code user} through node A and node B at the same instant. */
  private static String[] race(
      DataSource db,
      ExecutorService pool,
      String step,
      String member,
      String user,
      Map<String, ?> values)
      throws Exception {
    String[] id = new String[1];
    waitUntil(
        step + " of " + member,
        Duration.ofMinutes(2),
        () -> (id[0] = Fixture.taskId(db, step, YEAR, member)) != null);
    CountDownLatch go = new CountDownLatch(1);
    CompletableFuture<Reply> a =
        CompletableFuture.supplyAsync(
            () -> {
              await(go);
              return Fixture.post(urlA + "/api/v1/tasks/" + id[0] + "/complete", user, values);
            },
            pool);
    CompletableFuture<Reply> b =
        CompletableFuture.supplyAsync(
            () -> {
              await(go);
              return Fixture.post(urlB + "/api/v1/tasks/" + id[0] + "/complete", user, values);
            },
            pool);
    go.countDown();
    Reply ra = a.get(3, TimeUnit.MINUTES);
    Reply rb = b.get(3, TimeUnit.MINUTES);
    if (ra.status() != 204 && rb.status() != 204 || ra.status() == rb.status()) {
      log.warn("{} {}: node A {}, node B {}", step, member, ra, rb);
    }
    return new String[] {
      step, member, user, String.valueOf(ra.status()), String.valueOf(rb.status())
    };
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
