package vn.party.localstack.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.party.localstack.resilience.Fixture.count;
import static vn.party.localstack.resilience.Fixture.get;
import static vn.party.localstack.resilience.Fixture.post;
import static vn.party.localstack.resilience.Fixture.waitUntil;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.party.localstack.CampaignRequest;
import vn.party.localstack.LocalInfrastructure;
import vn.party.localstack.SelfCriticism;
import vn.party.localstack.ServiceProcess;
import vn.party.localstack.resilience.Fixture.Reply;

/**
 * PostgreSQL stops (pg_ctl stop -m fast: connections cut, open transactions rolled back) while members submit their
 * self-reviews, and stays away for a while. The API answers 503 with a problem document saying the database is away
 * (in the caller's language), no write is left half-done, and both services recover by themselves when the same
 * database comes back on the same port — nobody restarts them.
 */
class DatabaseOutageTest {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(DatabaseOutageTest.class);

  private static final int YEAR = 2026;
  private static final int MEMBERS = 15;

  /** members 1..IN_FLIGHT submit just as the database stops */
  private static final int IN_FLIGHT = 8;

  private static final String SELF_REVIEW_SUBMITTED = "vn.party.evaluation.self-review.submitted";

  private static Path dataDir;
  private static LocalInfrastructure infra;
  private static ServiceProcess evaluation;
  private static ServiceProcess notification;
  private static String evaluationUrl;
  private static String notificationUrl;

  @BeforeAll
  static void startSystem() {
    Fixture.freshLogDir(DatabaseOutageTest.class);
    dataDir = Fixture.tempDirectory("resilience-db-outage-");
    infra = LocalInfrastructure.forTests().dataDirectory(dataDir).start();
    int port = LocalInfrastructure.freePort();
    evaluationUrl = "http://localhost:" + port;
    evaluation =
        Fixture.started(Fixture.evaluationService(infra, port, true, DatabaseOutageTest.class));
    int notificationPort = LocalInfrastructure.freePort();
    notificationUrl = "http://localhost:" + notificationPort;
    notification =
        Fixture.started(
            Fixture.notificationService(
                infra, notificationPort, evaluationUrl, DatabaseOutageTest.class));
  }

  @AfterAll
  static void stopSystem() {
    Fixture.stopSystem(infra, notification, evaluation);
    Fixture.deleteQuietly(dataDir);
  }

  @Test
  void theApiAnswers503WhileTheDatabaseIsAwayAndRecoversByItself() throws Exception {
    DataSource db = infra.dataSource();
    Reply opened =
        post(
            evaluationUrl + "/api/v1/campaigns",
            "committee",
            CampaignRequest.of(Fixture.DEMO_ORGANIZATION, YEAR));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    Map<String, String> tasks = new LinkedHashMap<>();
    waitUntil(
        "15 self-review tasks",
        Duration.ofMinutes(3),
        () -> {
          for (int m = 1; m <= MEMBERS; m++) {
            String id = Fixture.taskId(db, "self-review", YEAR, "member" + m);
            if (id == null) {
              return false;
            }
            tasks.put("member" + m, id);
          }
          return true;
        });
    // a signed-in user known to notification-service before the outage (its credentials are cached
    // there)
    assertThat(get(notificationUrl + "/api/v1/notifications", "member15").status()).isEqualTo(200);
    assertThat(get(evaluationUrl + "/api/v1/tasks", "member14").status()).isEqualTo(200);

    // ---- fault: members 1..8 submit while PostgreSQL stops
    ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT + 12);
    Map<String, CompletableFuture<Reply>> inFlight = new LinkedHashMap<>();
    for (int m = 1; m <= IN_FLIGHT; m++) {
      String member = "member" + m;
      long delay =
          (m - 1)
              * 150L; // staggered: the first ones may commit before the stop, the later ones are
      // cut
      inFlight.put(
          member,
          CompletableFuture.supplyAsync(
              () -> {
                Fixture.sleep(Duration.ofMillis(delay));
                return completeSelfReview(member, tasks.get(member));
              },
              pool));
    }
    Fixture.sleep(Duration.ofMillis(700));
    long outageStart = System.nanoTime();
    infra.stopPostgres();

    // residence-area comments arrive on Kafka during the outage
    List<String> feedbackIds = new ArrayList<>();
    List<Map.Entry<String, io.cloudevents.CloudEvent>> feedback = new ArrayList<>();
    for (int m = 1; m <= 5; m++) {
      String id = "db-outage-" + UUID.randomUUID();
      feedbackIds.add(id);
      feedback.add(
          Map.entry(
              "member" + m,
              Fixture.residenceFeedback(
                  id, "member" + m, YEAR, "Gương mẫu nơi cư trú (gửi khi CSDL ngừng)")));
    }
    Fixture.publish(infra, feedback);

    // ---- while it is away: every API call answers 503 with a problem document
    Map<String, Supplier<Reply>> calls = new LinkedHashMap<>();
    calls.put("GET /api/v1/tasks (vi)", () -> get(evaluationUrl + "/api/v1/tasks", "member11"));
    calls.put(
        "GET /api/v1/tasks (en)",
        () ->
            Fixture.send(
                HttpRequest.newBuilder(URI.create(evaluationUrl + "/api/v1/tasks"))
                    .timeout(Duration.ofSeconds(120))
                    .header("Accept-Language", "en")
                    .header("Authorization", basic("member12"))
                    .GET()
                    .build()));
    calls.put(
        "POST /api/v1/tasks/{id}/complete",
        () -> completeSelfReview("member13", tasks.get("member13")));
    calls.put(
        "POST /api/v1/campaigns",
        () ->
            post(
                evaluationUrl + "/api/v1/campaigns",
                "admin",
                CampaignRequest.of(Fixture.DEMO_ORGANIZATION, YEAR + 1)));
    calls.put(
        "GET /api/v1/evaluations/{year}/{member}",
        () -> get(evaluationUrl + "/api/v1/evaluations/" + YEAR + "/member14", "member14"));
    calls.put("GET /api/v1/me", () -> get(evaluationUrl + "/api/v1/me", "member15"));
    calls.put(
        "engine REST GET /engine-rest/task",
        () -> get(evaluationUrl + "/engine-rest/task", "member9"));
    calls.put(
        "notification-service GET /api/v1/notifications (new sign-in)",
        () -> get(notificationUrl + "/api/v1/notifications", "member10"));
    calls.put(
        "notification-service GET /api/v1/notifications (cached sign-in)",
        () -> get(notificationUrl + "/api/v1/notifications", "member15"));
    Map<String, CompletableFuture<Reply>> during = new LinkedHashMap<>();
    calls.forEach((name, call) -> during.put(name, CompletableFuture.supplyAsync(call, pool)));
    Map<String, Reply> answers = new LinkedHashMap<>();
    for (var e : during.entrySet()) {
      answers.put(e.getKey(), e.getValue().get(3, TimeUnit.MINUTES));
    }
    Map<String, Reply> inFlightAnswers = new LinkedHashMap<>();
    for (var e : inFlight.entrySet()) {
      inFlightAnswers.put(e.getKey(), e.getValue().get(3, TimeUnit.MINUTES));
    }
    boolean evaluationHealthDown = !evaluation.isHealthy();
    long outageMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - outageStart);

    // ---- the database comes back; nobody touches the services
    infra.startPostgresAgain();
    long recoveryStart = System.nanoTime();
    waitUntil(
        "evaluation-service healthy again by itself", Duration.ofMinutes(3), evaluation::isHealthy);
    waitUntil(
        "the domain API answers again",
        Duration.ofMinutes(3),
        () -> get(evaluationUrl + "/api/v1/tasks", "member11").status() == 200);
    long recoverySeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - recoveryStart);
    waitUntil(
        "notification-service answers again",
        Duration.ofMinutes(3),
        () -> get(notificationUrl + "/api/v1/notifications", "member10").status() == 200);
    pool.shutdownNow();

    // ---- what was answered during the outage
    StringBuilder report = new StringBuilder();
    answers.forEach((name, reply) -> report.append(name).append(" -> ").append(reply).append('\n'));
    inFlightAnswers.forEach(
        (name, reply) ->
            report.append("in flight ").append(name).append(" -> ").append(reply).append('\n'));
    log.info("During the outage:\n{}", report);
    long not503 = answers.values().stream().filter(r -> r.status() != 503).count();
    long withoutProblem =
        answers.values().stream()
            .filter(r -> r.status() == 503)
            .filter(
                r ->
                    !r.contentType().startsWith("application/problem+json")
                        || r.json().path("detail").asText().isBlank())
            .count();
    long slowest = answers.values().stream().mapToLong(Reply::millis).max().orElse(0);
    // a submission cut off by the outage is answered like any other call then: 503 (or 204 if it
    // committed first)
    long inFlightOtherwise =
        inFlightAnswers.values().stream()
            .filter(
                r ->
                    r.status() != 204
                        && !(r.status() == 503
                            && r.contentType().startsWith("application/problem+json")))
            .count();

    // ---- no half-written record: each member's self-review is either wholly there or wholly
    // absent
    int halfWritten = 0;
    int lostWrites = 0;
    int refusedButWritten = 0;
    int submittedDuringOutage = 0;
    for (int m = 1; m <= MEMBERS; m++) {
      String member = "member" + m;
      Boolean taskDone =
          count(
                  db,
                  "select count(*) from act_hi_taskinst where id_ = ? and end_time_ is not null",
                  tasks.get(member))
              == 1;
      long recorded =
          count(
              db,
              """
          select count(*) from evaluation.member_evaluation where year = ? and member_id = ?
          and self_proposed_level is not null""",
              YEAR,
              member);
      long timeline =
          count(
              db,
              """
          select count(*) from evaluation.timeline_entry where year = ? and member_id = ? and kind = 'TASK_COMPLETED'
          and task_key = 'self-review'""",
              YEAR,
              member);
      long events =
          count(
              db,
              "select count(*) from evaluation.outbox where message_key = ? and event_type = ?",
              member,
              SELF_REVIEW_SUBMITTED);
      boolean whole =
          taskDone
              ? recorded == 1 && timeline == 1 && events == 1
              : recorded == 0 && timeline == 0 && events == 0;
      if (!whole) {
        halfWritten++;
        log.error(
            "HALF-WRITTEN {}: task done {}, record {}, timeline {}, events {}",
            member,
            taskDone,
            recorded,
            timeline,
            events);
      }
      Reply reply = inFlightAnswers.get(member);
      if (reply != null && reply.status() == 204) {
        submittedDuringOutage++;
        if (!taskDone) {
          lostWrites++;
        }
      }
      if (reply != null && reply.status() != 204 && taskDone) {
        refusedButWritten++;
      }
      if ("member13".equals(member) && taskDone) {
        refusedButWritten++; // answered during the outage, cannot have been written
      }
    }

    // ---- everyone whose submission was refused submits again, and it works
    for (int m = 1; m <= MEMBERS; m++) {
      String member = "member" + m;
      if (count(
              db,
              "select count(*) from act_hi_taskinst where id_ = ? and end_time_ is not null",
              tasks.get(member))
          == 0) {
        Reply again = completeSelfReview(member, tasks.get(member));
        assertThat(again.status()).as(member + " after recovery: " + again).isEqualTo(204);
      }
    }

    // ---- the Kafka consumer held the comments sent during the outage and took each once when the
    // database returned
    waitUntil(
        "the 5 residence comments sent during the outage are taken in",
        Duration.ofMinutes(4),
        () ->
            count(
                    db,
                    "select count(*) from evaluation.inbox where event_id = any (?)",
                    (Object) feedbackIds.toArray(String[]::new))
                == 5);
    long feedbackRows =
        count(
            db,
            "select count(*) from evaluation.residence_feedback where event_id = any (?)",
            (Object) feedbackIds.toArray(String[]::new));
    Map<String, Integer> deadLettered =
        Fixture.eventIdsOnTopic(infra, LocalInfrastructure.TOPIC_MEMBER_EVENTS_DLT);
    // and the outbox publishes everything written before, during and after
    waitUntil(
        "outbox drained",
        Duration.ofMinutes(3),
        () -> count(db, "select count(*) from evaluation.outbox where published_at is null") == 0);
    // the comments advanced members 1..5 to the branch review: their secretary is told by e-mail
    waitUntil(
        "secretary1 told of 5 branch reviews",
        Duration.ofMinutes(3),
        () ->
            Fixture.mails(infra.greenMail()).stream()
                    .filter(
                        mail ->
                            mail.recipient().startsWith("secretary1@")
                                && mail.subject().contains("Chi bộ"))
                    .count()
                == 5);
    long selfReviewEvents =
        count(
            db,
            "select count(*) from evaluation.outbox where event_type = ?",
            SELF_REVIEW_SUBMITTED);

    Figures.record(
        DatabaseOutageTest.class,
        Map.ofEntries(
            Map.entry("faults.injected", 1),
            Map.entry(
                "faults.survived",
                not503 == 0
                        && withoutProblem == 0
                        && inFlightOtherwise == 0
                        && halfWritten == 0
                        && lostWrites == 0
                        && refusedButWritten == 0
                        && feedbackRows == 5
                        && deadLettered.isEmpty()
                    ? 1
                    : 0),
            Map.entry("outage.millis", outageMillis),
            Map.entry("outage.api-calls", answers.size()),
            Map.entry(
                "outage.api-calls.answered-503-problem", answers.size() - not503 - withoutProblem),
            Map.entry("outage.api-calls.answered-otherwise", not503 + withoutProblem),
            Map.entry("outage.api-calls.slowest-millis", slowest),
            Map.entry("outage.health-down", evaluationHealthDown),
            Map.entry("writes.in-flight", IN_FLIGHT),
            Map.entry("writes.in-flight.committed", submittedDuringOutage),
            Map.entry("writes.in-flight.answered-otherwise", inFlightOtherwise),
            Map.entry("records.half-written", halfWritten),
            Map.entry("writes.lost", lostWrites),
            Map.entry("writes.refused-but-written", refusedButWritten),
            Map.entry("recovery.seconds", recoverySeconds),
            Map.entry("events.lost", (5 - feedbackRows) + deadLettered.size()),
            Map.entry(
                "events.duplicated",
                Math.max(0, feedbackRows - 5) + Math.max(0, selfReviewEvents - MEMBERS))));

    assertThat(not503).as("every call during the outage answers 503:\n" + report).isZero();
    assertThat(withoutProblem)
        .as("each 503 is a problem document with a detail:\n" + report)
        .isZero();
    assertThat(inFlightOtherwise)
        .as("submissions cut off by the outage answer 204 or 503:\n" + report)
        .isZero();
    assertThat(answers.get("GET /api/v1/tasks (vi)").json().path("detail").asText())
        .contains("cơ sở dữ liệu");
    assertThat(answers.get("GET /api/v1/tasks (en)").json().path("detail").asText())
        .contains("database");
    assertThat(halfWritten).as("half-written records").isZero();
    assertThat(lostWrites).as("submissions answered 204 but not stored").isZero();
    assertThat(refusedButWritten).as("submissions refused but stored").isZero();
    assertThat(feedbackRows)
        .as("residence comments sent during the outage, stored once each")
        .isEqualTo(5);
    assertThat(deadLettered).as("nothing dead-lettered because of the outage").isEmpty();
    assertThat(selfReviewEvents).as("one self-review.submitted per member").isEqualTo(MEMBERS);
  }

  private static Reply completeSelfReview(String member, String taskId) {
    return post(
        evaluationUrl + "/api/v1/tasks/" + taskId + "/complete", member, SelfCriticism.of("GOOD"));
  }

  private static String basic(String user) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (user + ":" + Fixture.password(user))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
