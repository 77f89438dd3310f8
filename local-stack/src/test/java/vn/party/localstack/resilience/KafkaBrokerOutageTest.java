package vn.party.localstack.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.party.localstack.resilience.Fixture.count;
import static vn.party.localstack.resilience.Fixture.post;
import static vn.party.localstack.resilience.Fixture.waitUntil;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.party.localstack.BranchReview;
import vn.party.localstack.CampaignRequest;
import vn.party.localstack.LocalInfrastructure;
import vn.party.localstack.SelfCriticism;
import vn.party.localstack.ServiceProcess;
import vn.party.localstack.resilience.Fixture.OutboxEvent;
import vn.party.localstack.resilience.Fixture.Reply;

/**
 * The Kafka broker stops (controlled shutdown; its port stops answering) while the 15 demo members submit their
 * self-reviews, their branches propose levels and the committee decides: every submission still succeeds (204), the
 * events wait in evaluation-service's outbox, and when the broker returns every one of them reaches Kafka and
 * notification-service, which sends one e-mail per recipient and event — none lost, none twice.
 *
 * <p>The broker comes back with its log directories (same topics, records and committed offsets) on the same port,
 * as a restarted production broker would.
 *
 * <p>Second fault, on the same events: the publisher sends all of the outage's events again (as after a crash between
 * the send and the mark "published"; injected by clearing {@code published_at}), so every one of them stands twice on
 * the topic; notification-service ignores each copy and still sends one e-mail per recipient and event.
 */
class KafkaBrokerOutageTest {

  private static final int YEAR = 2026;
  private static final int MEMBERS = 15;

  private static LocalInfrastructure infra;
  private static ServiceProcess evaluation;
  private static ServiceProcess notification;
  private static String evaluationUrl;

  @BeforeAll
  static void startSystem() {
    Fixture.freshLogDir(KafkaBrokerOutageTest.class);
    infra = LocalInfrastructure.forTests().kafkaPort(LocalInfrastructure.freePort()).start();
    int port = LocalInfrastructure.freePort();
    evaluationUrl = "http://localhost:" + port;
    evaluation =
        Fixture.started(Fixture.evaluationService(infra, port, true, KafkaBrokerOutageTest.class));
    notification =
        Fixture.started(
            Fixture.notificationService(
                infra, LocalInfrastructure.freePort(), evaluationUrl, KafkaBrokerOutageTest.class));
  }

  @AfterAll
  static void stopSystem() {
    Fixture.stopSystem(infra, notification, evaluation);
  }

  @Test
  void submissionsDuringABrokerOutageSucceedAndEveryEventArrivesOnce() {
    DataSource db = infra.dataSource();
    Reply opened =
        post(
            evaluationUrl + "/api/v1/campaigns",
            "committee",
            CampaignRequest.of(Fixture.DEMO_ORGANIZATION, YEAR));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    waitUntil(
        "15 self-review tasks",
        Duration.ofMinutes(3),
        () ->
            count(db, "select count(*) from act_ru_task where task_def_key_ = 'self-review'")
                == MEMBERS);
    // residence-area comments for everyone first, so that each self-review leads straight on to the
    // branch review
    List<Map.Entry<String, io.cloudevents.CloudEvent>> feedback = new ArrayList<>();
    for (int m = 1; m <= MEMBERS; m++) {
      feedback.add(
          Map.entry(
              "member" + m,
              Fixture.residenceFeedback(
                  UUID.randomUUID().toString(), "member" + m, YEAR, "Gương mẫu nơi cư trú.")));
    }
    Fixture.publish(infra, feedback);
    waitUntil(
        "15 comments stored",
        Duration.ofMinutes(2),
        () -> count(db, "select count(*) from evaluation.residence_feedback") == MEMBERS);
    waitUntil(
        "the 15 self-review e-mails of the opening sent",
        Duration.ofMinutes(3),
        () -> Fixture.mails(infra.greenMail()).size() >= MEMBERS);
    waitUntil(
        "outbox drained before the fault",
        Duration.ofMinutes(2),
        () -> count(db, "select count(*) from evaluation.outbox where published_at is null") == 0);
    long eventsBefore = count(db, "select count(*) from evaluation.outbox");
    long lastIdBefore = count(db, "select coalesce(max(id), 0) from evaluation.outbox");

    // ---- fault: the broker stops
    infra.stopKafkaBroker();
    long outageStart = System.nanoTime();
    Map<String, Reply> submissions = new LinkedHashMap<>();
    for (int m = 1; m <= MEMBERS; m++) {
      String member = "member" + m;
      submissions.put(
          "self-review " + member,
          complete(
              db,
              "self-review",
              member,
              member,
              SelfCriticism.of(m % 3 == 0 ? "EXCELLENT" : "GOOD")));
    }
    for (int m = 1; m <= MEMBERS; m++) {
      String member = "member" + m;
      String secretary = "secretary" + ((m - 1) / 5 + 1);
      submissions.put(
          "branch-review " + member,
          complete(db, "branch-review", member, secretary, BranchReview.good("Chi bộ nhất trí.")));
    }
    for (int m = 1; m <= MEMBERS; m++) {
      String member = "member" + m;
      submissions.put(
          "committee-decision " + member,
          complete(
              db,
              "committee-decision",
              member,
              "committee",
              Map.of("decision", "APPROVE", "decidedLevel", "GOOD")));
    }
    long eventsWritten = count(db, "select count(*) from evaluation.outbox") - eventsBefore;
    long waitingInOutbox =
        count(db, "select count(*) from evaluation.outbox where published_at is null");
    // stay away long enough for the publisher's sends to time out (delivery.timeout.ms 15 s) at
    // least once
    waitUntil(
        "the publisher has noticed the broker is away",
        Duration.ofMinutes(2),
        () ->
            evaluation.logText().contains("outbox send failed")
                || evaluation.logText().contains("outbox publishing paused"));
    Fixture.sleep(Duration.ofSeconds(10));
    long stillWaiting =
        count(db, "select count(*) from evaluation.outbox where published_at is null");
    long outageSeconds = (System.nanoTime() - outageStart) / 1_000_000_000L;

    // ---- the broker returns
    infra.startKafkaBrokerAgain();
    waitUntil(
        "outbox drained after the outage",
        Duration.ofMinutes(4),
        () -> count(db, "select count(*) from evaluation.outbox where published_at is null") == 0);
    List<OutboxEvent> events = Fixture.outboxEvents(db);
    Set<String> expectedMails = Fixture.expectedMails(events);
    waitUntil(
        expectedMails.size() + " e-mails",
        Duration.ofMinutes(4),
        () -> Fixture.mails(infra.greenMail()).size() >= expectedMails.size());
    Fixture.sleep(Duration.ofSeconds(10)); // a duplicate, if any, would arrive now

    // ---- second fault: the publisher "crashed" after sending the outage's events but before
    // marking them sent, so
    // it sends every one of them again (at-least-once): the deduplicating consumer must ignore the
    // copies
    int resent =
        Fixture.update(
            db, "update evaluation.outbox set published_at = null where id > ?", lastIdBefore);
    waitUntil(
        "outbox drained after the re-send",
        Duration.ofMinutes(4),
        () -> count(db, "select count(*) from evaluation.outbox where published_at is null") == 0);
    long notifiableResent =
        Fixture.outboxEvents(db).stream()
            .skip(eventsBefore)
            .filter(
                e ->
                    Fixture.TASK_ASSIGNED.equals(e.type())
                        || Fixture.MEMBER_DECIDED.equals(e.type()))
            .count();
    waitUntil(
        "notification-service has seen the " + notifiableResent + " copies",
        Duration.ofMinutes(4),
        () ->
            notification.logText().lines().filter(l -> l.contains("already processed")).count()
                >= notifiableResent);
    Fixture.sleep(Duration.ofSeconds(10)); // a duplicate e-mail, if any, would arrive now

    // ---- every event on the topic, none missing
    Map<String, Integer> onTopic =
        Fixture.eventIdsOnTopic(infra, LocalInfrastructure.TOPIC_EVALUATION_EVENTS);
    List<String> missingOnTopic =
        events.stream().map(OutboxEvent::eventId).filter(id -> !onTopic.containsKey(id)).toList();
    long sentTwiceOnTopic = onTopic.values().stream().filter(n -> n > 1).count();
    // ---- every event notification-service acts on was taken in exactly once
    Set<String> notifiable =
        events.stream()
            .filter(
                e ->
                    Fixture.TASK_ASSIGNED.equals(e.type())
                        || Fixture.MEMBER_DECIDED.equals(e.type()))
            .map(OutboxEvent::eventId)
            .collect(Collectors.toSet());
    Set<String> processed =
        Fixture.rows(db, "select event_id from notification.processed_event").stream()
            .map(r -> (String) r.get("event_id"))
            .collect(Collectors.toSet());
    long notProcessed = notifiable.stream().filter(id -> !processed.contains(id)).count();
    long duplicateNotifications =
        count(
            db,
            """
        select count(*) from (select event_id, user_id from notification.notification
        group by event_id, user_id having count(*) > 1) d""");
    // ---- e-mails: one per recipient and event
    Map<String, Integer> mailCounts = Fixture.mailCounts(infra.greenMail());
    Map<String, Integer> duplicatedMails = Fixture.duplicates(mailCounts);
    long mailsLost = Math.max(0, expectedMails.size() - mailCounts.size());
    long redeliveriesIgnored =
        notification.logText().lines().filter(l -> l.contains("already processed")).count();

    long rejected = submissions.values().stream().filter(r -> r.status() != 204).count();
    long lost = missingOnTopic.size() + notProcessed + mailsLost;
    long duplicated =
        duplicateNotifications + duplicatedMails.values().stream().mapToLong(n -> n - 1).sum();
    Figures.record(
        KafkaBrokerOutageTest.class,
        Map.ofEntries(
            Map.entry("faults.injected", 2),
            Map.entry(
                "faults.survived",
                (rejected == 0 && lost == 0 && duplicated == 0 && waitingInOutbox > 0 ? 1 : 0)
                    + (duplicated == 0 && redeliveriesIgnored >= notifiableResent ? 1 : 0)),
            Map.entry("redelivery.events-resent", resent),
            Map.entry("redelivery.notifiable-events-resent", notifiableResent),
            Map.entry("outage.seconds", outageSeconds),
            Map.entry("outage.submissions", submissions.size()),
            Map.entry("outage.submissions.rejected", rejected),
            Map.entry("outage.events-written", eventsWritten),
            Map.entry("outage.events-waiting-in-outbox", stillWaiting),
            Map.entry("events.total", events.size()),
            Map.entry("events.lost", lost),
            Map.entry("events.duplicated", duplicated),
            Map.entry("events.on-topic-more-than-once", sentTwiceOnTopic),
            Map.entry("events.redeliveries-ignored-by-consumer", redeliveriesIgnored),
            Map.entry("emails.expected", expectedMails.size()),
            Map.entry("emails.received", Fixture.mails(infra.greenMail()).size()),
            Map.entry(
                "emails.not-owed", Fixture.mailsNotOwed(infra.greenMail(), expectedMails).size())));
    LoggerFactory.getLogger(KafkaBrokerOutageTest.class)
        .info(
            "e-mails received beyond those owed: {}",
            Fixture.mailsNotOwed(infra.greenMail(), expectedMails));

    assertThat(
            submissions.entrySet().stream()
                .filter(e -> e.getValue().status() != 204)
                .map(e -> e.getKey() + ": " + e.getValue())
                .toList())
        .as("submissions during the outage")
        .isEmpty();
    assertThat(waitingInOutbox)
        .as("events held back in the outbox while the broker was away")
        .isEqualTo(eventsWritten)
        .isGreaterThanOrEqualTo(4L * MEMBERS);
    assertThat(missingOnTopic).as("outbox events never published").isEmpty();
    assertThat(notProcessed).as("events notification-service never took in").isZero();
    assertThat(duplicateNotifications).as("in-app notifications made twice").isZero();
    assertThat(duplicatedMails).as("e-mails sent twice").isEmpty();
    assertThat(mailCounts).as("one e-mail per recipient and event").hasSize(expectedMails.size());
    assertThat(sentTwiceOnTopic)
        .as("events of the outage on the topic twice (the re-send)")
        .isGreaterThanOrEqualTo(resent);
  }

  /** Completes the open task {@code taskKey} of {@code member} as {@code user}; waits for the task to exist. */
  private static Reply complete(
      DataSource db, String taskKey, String member, String user, Map<String, ?> values) {
    String[] id = new String[1];
    waitUntil(
        taskKey + " of " + member,
        Duration.ofMinutes(2),
        () -> (id[0] = Fixture.taskId(db, taskKey, YEAR, member)) != null);
    return post(evaluationUrl + "/api/v1/tasks/" + id[0] + "/complete", user, values);
  }
}
