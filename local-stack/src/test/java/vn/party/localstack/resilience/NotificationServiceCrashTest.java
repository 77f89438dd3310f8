package vn.party.localstack.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.party.localstack.resilience.Fixture.count;
import static vn.party.localstack.resilience.Fixture.waitUntil;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.party.localstack.CampaignRequest;
import vn.party.localstack.LocalInfrastructure;
import vn.party.localstack.ServiceProcess;
import vn.party.localstack.resilience.Fixture.Mail;
import vn.party.localstack.resilience.Fixture.OutboxEvent;
import vn.party.localstack.resilience.Fixture.Reply;

/**
 * notification-service is SIGKILLed twice and started again with the same command each time: first while it takes
 * in the events (a tenth of them taken in), then while it sends their e-mails — the instant the SMTP server has
 * received another one, i.e. in the middle of its send loop. A campaign for 400 generated members (each with an e-mail address) makes 400 task.assigned
 * events. Afterwards every member has received their e-mail (none lost) and none has received two different
 * messages for it (none twice).
 *
 * <p>What "twice" means here: a kill in the few milliseconds between the SMTP server's acceptance of an e-mail and
 * the commit that marks it sent makes the restarted service transmit that e-mail again — SMTP has no idempotent
 * submission, so no sender can rule this out. The retransmitted copy carries the same {@code Message-ID} (one per
 * outbox row), which is how a mail store recognises the same message. The test therefore counts distinct messages
 * per recipient and event (must be 1) and reports the retransmissions separately ({@code emails.retransmitted}, at
 * most one per kill).
 */
class NotificationServiceCrashTest {

  private static final Logger log = LoggerFactory.getLogger(NotificationServiceCrashTest.class);
  private static final String ORGANIZATION = "crash-mail";
  private static final int BRANCHES = 4;
  private static final int PER_BRANCH = 100;
  private static final int MEMBERS = BRANCHES * PER_BRANCH;
  private static final int YEAR = 2026;
  private static final int KILLS = 2;

  private static LocalInfrastructure infra;
  private static ServiceProcess evaluation;
  private static ServiceProcess notification;
  private static String evaluationUrl;

  @BeforeAll
  static void startSystem() {
    Fixture.freshLogDir(NotificationServiceCrashTest.class);
    infra = LocalInfrastructure.startForTests();
    int port = LocalInfrastructure.freePort();
    evaluationUrl = "http://localhost:" + port;
    evaluation =
        Fixture.started(
            Fixture.evaluationService(infra, port, false, NotificationServiceCrashTest.class));
    notification =
        Fixture.started(
            Fixture.notificationService(
                infra,
                LocalInfrastructure.freePort(),
                evaluationUrl,
                NotificationServiceCrashTest.class));
  }

  @AfterAll
  static void stopSystem() {
    Fixture.stopSystem(infra, notification, evaluation);
  }

  @Test
  void killedWhileSendingItLosesNoNotificationAndSendsNoneTwice() {
    DataSource db = infra.dataSource();
    Fixture.generateMembers(db, ORGANIZATION, BRANCHES, PER_BRANCH, "crash-mail.example.vn");
    Reply opened =
        Fixture.post(
            evaluationUrl + "/api/v1/campaigns", "admin", CampaignRequest.of(ORGANIZATION, YEAR));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);

    List<Map<String, Object>> kills = new ArrayList<>();
    for (int i = 0; i < KILLS; i++) {
      if (i == 0) {
        // first kill: while it takes the events in (each in its own transaction, the offset
        // committed after it)
        int threshold = MEMBERS / 10;
        waitUntil(
            threshold + " events taken in before the kill",
            Duration.ofMinutes(10),
            () -> count(db, "select count(*) from notification.processed_event") >= threshold);
      } else {
        int threshold = (int) Math.round(0.55 * MEMBERS);
        waitUntil(
            threshold + " e-mails before the kill",
            Duration.ofMinutes(10),
            () -> infra.greenMail().getReceivedMessages().length >= threshold - 3);
        // kill right after the SMTP server has taken the next e-mail: the sender is between its
        // send and its commit
        int seen = infra.greenMail().getReceivedMessages().length;
        long spinUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (infra.greenMail().getReceivedMessages().length == seen
            && System.nanoTime() < spinUntil) {
          Thread.onSpinWait();
        }
      }
      notification.kill();
      Map<String, Object> k = new LinkedHashMap<>();
      k.put("mails", infra.greenMail().getReceivedMessages().length);
      k.put("processedEvents", count(db, "select count(*) from notification.processed_event"));
      k.put(
          "pendingMails",
          count(db, "select count(*) from notification.email_outbox where status = 'PENDING'"));
      k.put(
          "sentMails",
          count(db, "select count(*) from notification.email_outbox where status = 'SENT'"));
      kills.add(k);
      log.info("killed notification-service: {}", k);
      Fixture.sleep(Duration.ofSeconds(3));
      notification.start().awaitHealthy(Fixture.START_TIMEOUT);
    }

    // ---- everything owed arrives
    waitUntil(
        "evaluation outbox drained",
        Duration.ofMinutes(5),
        () -> count(db, "select count(*) from evaluation.outbox where published_at is null") == 0);
    List<OutboxEvent> events = Fixture.outboxEvents(db);
    Set<String> expected = Fixture.expectedMails(events);
    assertThat(expected).as("one e-mail owed per member").hasSize(MEMBERS);
    waitUntil(
        "every e-mail owed is sent",
        Duration.ofMinutes(10),
        () ->
            count(db, "select count(*) from notification.email_outbox where status <> 'SENT'") == 0
                && count(db, "select count(*) from notification.email_outbox") >= MEMBERS
                && Fixture.mailCounts(infra.greenMail()).size() >= MEMBERS);
    Fixture.sleep(Duration.ofSeconds(10)); // a late duplicate would arrive now

    List<Mail> mails = Fixture.mails(infra.greenMail());
    Map<String, Integer> perRecipientAndSubject = Fixture.mailCounts(infra.greenMail());
    Map<String, Integer> duplicates = Fixture.duplicates(perRecipientAndSubject);
    // the same message sent again carries the same Message-ID: a mail store keeps it once
    Map<String, Set<String>> messageIds = new HashMap<>();
    mails.forEach(
        m ->
            messageIds
                .computeIfAbsent(m.recipient() + " | " + m.subject(), k -> new HashSet<>())
                .add(m.messageId()));
    long distinctMessagesTwice = messageIds.values().stream().filter(ids -> ids.size() > 1).count();
    long retransmissions = mails.size() - perRecipientAndSubject.size();
    Set<String> recipients = mails.stream().map(Mail::recipient).collect(Collectors.toSet());
    long membersWithoutMail =
        expected.stream()
            .map(e -> e.substring(e.indexOf(" | ") + 3))
            .filter(address -> !recipients.contains(address))
            .count();
    Set<String> owedEvents =
        events.stream()
            .filter(e -> Fixture.TASK_ASSIGNED.equals(e.type()))
            .map(OutboxEvent::eventId)
            .collect(Collectors.toSet());
    Set<String> processed =
        Fixture.rows(db, "select event_id from notification.processed_event").stream()
            .map(r -> (String) r.get("event_id"))
            .collect(Collectors.toSet());
    long eventsNotTakenIn = owedEvents.stream().filter(id -> !processed.contains(id)).count();
    long notificationsTwice =
        count(
            db,
            """
        select count(*) from (select event_id, user_id from notification.notification
        group by event_id, user_id having count(*) > 1) d""");
    long outboxRowsTwice =
        count(
            db,
            """
        select count(*) from (select n.event_id, o.to_address from notification.email_outbox o
        join notification.notification n on n.id = o.notification_id group by 1, 2 having count(*) > 1) d""");
    long redeliveriesIgnored =
        notification.logText().lines().filter(l -> l.contains("already processed")).count();
    log.info(
        "mails {}, distinct (recipient, subject) {}, retransmissions {}, distinct messages twice {}, kills {}",
        mails.size(),
        perRecipientAndSubject.size(),
        retransmissions,
        distinctMessagesTwice,
        kills);

    long lost = membersWithoutMail + eventsNotTakenIn;
    long duplicated = distinctMessagesTwice + notificationsTwice + outboxRowsTwice;
    long retransmittedSameId = duplicates.size() - distinctMessagesTwice;
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("faults.injected", kills.size());
    figures.put(
        "faults.survived",
        lost == 0 && duplicated == 0 && retransmissions <= kills.size() ? kills.size() : 0);
    figures.put("members", MEMBERS);
    figures.put("emails.expected", expected.size());
    figures.put("emails.received", mails.size());
    List<String> notOwed = Fixture.mailsNotOwed(infra.greenMail(), expected);
    log.info("e-mails received beyond those owed: {}", notOwed);
    figures.put("emails.not-owed", notOwed.size());
    figures.put("emails.retransmitted", retransmissions);
    figures.put("emails.retransmitted.same-message-id", retransmittedSameId);
    figures.put("emails.distinct-messages-twice", distinctMessagesTwice);
    figures.put("events.lost", lost);
    figures.put("events.duplicated", duplicated);
    figures.put("events.redeliveries-ignored-by-consumer", redeliveriesIgnored);
    for (int i = 0; i < kills.size(); i++) {
      figures.put("kill." + (i + 1) + ".emails-received", kills.get(i).get("mails"));
      figures.put("kill." + (i + 1) + ".events-taken-in", kills.get(i).get("processedEvents"));
    }
    Figures.record(NotificationServiceCrashTest.class, figures);

    assertThat(membersWithoutMail).as("members who never got their e-mail").isZero();
    assertThat(eventsNotTakenIn).as("events notification-service never took in").isZero();
    assertThat(notificationsTwice).as("in-app notifications made twice").isZero();
    assertThat(outboxRowsTwice).as("e-mails queued twice").isZero();
    assertThat(
            messageIds.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey)
                .toList())
        .as("recipients who got two different messages for the same notice")
        .isEmpty();
    assertThat(retransmissions)
        .as("retransmissions of the e-mail in flight at a kill (same Message-ID): " + duplicates)
        .isLessThanOrEqualTo(kills.size());
  }
}
