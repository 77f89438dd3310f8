package vn.party.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.party.notification.support.Events;
import vn.party.notification.support.Http;
import vn.party.notification.support.IntegrationTest;
import vn.party.notification.support.Mails;

/**
 * The events that follow a task or a case up — task.reminder, task.overdue, case.returned — published to the
 * real broker, read back as e-mails from the real SMTP server and as rows in PostgreSQL; and the user's choice
 * of in-app notifications only.
 */
class FollowUpEventsTest extends IntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String MEMBER1 = "member1@thanhkhetay.example.vn";
  private static final String MEMBER2 = "member2@thanhkhetay.example.vn";
  private static final String SECRETARY1 = "secretary1@thanhkhetay.example.vn";

  @LocalServerPort int port;
  @Autowired MeterRegistry meterRegistry;

  @Test
  void aReminderSaysTheDueDateInVietnamTimeAndLinksTheTask() {
    Map<String, Object> data =
        Events.taskReminderData("Tự kiểm điểm", "Nguyễn Văn An", List.of(Events.member1()));
    CloudEvent event = Events.event(EventTypes.TASK_REMINDER, data);

    Events.publish("member1", event);

    MimeMessage mail = Mails.awaitOneFor(MEMBER1);
    assertThat(Mails.subject(mail))
        .isEqualTo("[Đánh giá, xếp loại 2025] Nhắc việc: Tự kiểm điểm – Nguyễn Văn An");
    assertThat(Mails.lines(mail))
        .contains("Kính gửi đồng chí Nguyễn Văn An,")
        .contains("sắp đến hạn mà chưa hoàn thành")
        .contains("Việc: Tự kiểm điểm")
        .contains("Đảng viên: Nguyễn Văn An")
        // 10:00 UTC is 17:00 in Asia/Ho_Chi_Minh
        .contains("Hạn hoàn thành: 15/12/2025 17:00")
        .contains("Mở việc tại địa chỉ sau:\n" + data.get("taskUrl"));
    assertThat(Mails.html(mail)).contains("<a href=\"" + data.get("taskUrl") + "\">");

    Map<String, Object> row = notificationOf(event, "member1");
    assertThat(row)
        .containsEntry("kind", "TASK_REMINDER")
        .containsEntry("title", "Nhắc việc: Tự kiểm điểm – Nguyễn Văn An")
        .containsEntry("link", data.get("taskUrl"));
    assertThat((String) row.get("body")).contains("sắp đến hạn").contains("15/12/2025 17:00");
    assertThat(processedType(event)).isEqualTo(EventTypes.TASK_REMINDER);
  }

  @Test
  void anOverdueTaskTellsTheAssigneeAndTheCommitteeItWasEscalatedTo() {
    Map<String, Object> data =
        Events.taskOverdueData(
            "Tự kiểm điểm",
            "Nguyễn Văn An",
            "branch-committee-thanh-khe-tay-cb1",
            List.of(Events.member1(), Events.recipient("secretary1", "Lê Văn Cường")));
    CloudEvent event = Events.event(EventTypes.TASK_OVERDUE, data);

    Events.publish("member1", event);

    MimeMessage member = Mails.awaitOneFor(MEMBER1);
    MimeMessage secretary = Mails.awaitOneFor(SECRETARY1);
    for (MimeMessage mail : List.of(member, secretary)) {
      assertThat(Mails.subject(mail))
          .isEqualTo("[Đánh giá, xếp loại 2025] Quá hạn: Tự kiểm điểm – Nguyễn Văn An");
      assertThat(Mails.lines(mail))
          .contains("đã quá hạn mà chưa hoàn thành")
          .contains("Hạn hoàn thành: 15/12/2025 17:00 (đã quá hạn)")
          .contains("Chi ủy chi bộ đã được thông báo về việc quá hạn này.")
          .contains((String) data.get("taskUrl"));
    }
    assertThat(Mails.lines(member)).contains("Kính gửi đồng chí Nguyễn Văn An,");
    assertThat(Mails.lines(secretary)).contains("Kính gửi đồng chí Lê Văn Cường,");
    assertThat(Mails.received()).hasSize(2);

    for (String userId : List.of("member1", "secretary1")) {
      Map<String, Object> row = notificationOf(event, userId);
      assertThat(row)
          .containsEntry("kind", "TASK_OVERDUE")
          .containsEntry("title", "Quá hạn: Tự kiểm điểm – Nguyễn Văn An")
          .containsEntry("link", data.get("taskUrl"));
      assertThat((String) row.get("body"))
          .contains("đã quá hạn (hạn hoàn thành: 15/12/2025 17:00)")
          .endsWith("Chi ủy chi bộ đã được thông báo về việc quá hạn này.");
    }
    assertThat(processedType(event)).isEqualTo(EventTypes.TASK_OVERDUE);
  }

  @Test
  void aReturnedCaseTellsTheBranchCommitteeTheReasonAsPlainText() {
    String reason = "Chưa đủ <b>căn cứ</b> & cần bổ sung\nnhận xét nơi cư trú";
    CloudEvent event =
        Events.event(
            EventTypes.CASE_RETURNED,
            Events.caseReturnedData(
                "Nguyễn Văn An",
                reason,
                List.of(
                    Events.recipient("secretary1", "Lê Văn Cường"),
                    Events.recipient("deputy1", "Phạm Thị Dung"))));

    Events.publish("member1", event);

    MimeMessage mail = Mails.awaitOneFor(SECRETARY1);
    Mails.awaitOneFor("deputy1@thanhkhetay.example.vn");
    assertThat(Mails.subject(mail))
        .isEqualTo("[Đánh giá, xếp loại 2025] Trả lại chi bộ: Nguyễn Văn An");
    assertThat(Mails.lines(mail))
        .contains("Kính gửi đồng chí Lê Văn Cường,")
        .contains(
            "Đảng ủy cơ sở đã trả lại chi bộ hồ sơ đánh giá, xếp loại chất lượng năm 2025 của đảng viên Nguyễn Văn An.")
        .contains("Lý do của Đảng ủy: " + reason);
    assertThat(Mails.html(mail))
        .contains(
            "Lý do của Đảng ủy: Chưa đủ &lt;b&gt;căn cứ&lt;/b&gt; &amp; cần bổ sung<br>nhận xét nơi cư trú")
        .doesNotContain("<b>");
    assertThat(Mails.received()).hasSize(2);

    Map<String, Object> row = notificationOf(event, "secretary1");
    assertThat(row)
        .containsEntry("kind", "CASE_RETURNED")
        .containsEntry("title", "Trả lại chi bộ: Nguyễn Văn An")
        .containsEntry("link", null);
    assertThat((String) row.get("body")).endsWith("Lý do của Đảng ủy: " + reason);
    assertThat(countNotifications(event)).isEqualTo(2);
    assertThat(processedType(event)).isEqualTo(EventTypes.CASE_RETURNED);
  }

  @Test
  void aReturnedCaseFromAnOlderProducerNotifiesNobodyAndIsNotDeadLettered() {
    double deadLetteredBefore = deadLettered("invalid") + deadLettered("failed");
    Map<String, Object> emptyRecipients =
        Events.caseReturnedDataOfAnOlderProducer("Thiếu nhận xét");
    emptyRecipients.put("recipients", List.of());
    CloudEvent withoutRecipients =
        Events.event(
            EventTypes.CASE_RETURNED, Events.caseReturnedDataOfAnOlderProducer("Thiếu nhận xét"));
    CloudEvent withNoOne = Events.event(EventTypes.CASE_RETURNED, emptyRecipients);
    CloudEvent later = Events.taskAssigned("Việc sau", "Nguyễn Văn An", Events.member1());

    Events.publish("member1", withoutRecipients);
    Events.publish("member1", withNoOne);
    // Same key, same partition: once the later event is handled, so are the two before it.
    Events.publish("member1", later);

    Mails.awaitOneFor(MEMBER1);
    // Processed (so neither retried nor dead-lettered), and nobody notified.
    assertThat(processedType(withoutRecipients)).isEqualTo(EventTypes.CASE_RETURNED);
    assertThat(processedType(withNoOne)).isEqualTo(EventTypes.CASE_RETURNED);
    assertThat(countNotifications(withoutRecipients)).isZero();
    assertThat(countNotifications(withNoOne)).isZero();
    assertThat(Mails.received()).hasSize(1);
    assertThat(deadLettered("invalid") + deadLettered("failed")).isEqualTo(deadLetteredBefore);
  }

  @Test
  void redeliveredFollowUpEventsSendNothingTwice() {
    CloudEvent reminder =
        Events.event(
            EventTypes.TASK_REMINDER,
            Events.taskReminderData("Tự kiểm điểm", "Nguyễn Văn An", List.of(Events.member1())));
    CloudEvent overdue =
        Events.event(
            EventTypes.TASK_OVERDUE,
            Events.taskOverdueData(
                "Tự kiểm điểm", "Nguyễn Văn An", null, List.of(Events.member1())));
    CloudEvent returned =
        Events.event(
            EventTypes.CASE_RETURNED,
            Events.caseReturnedData(
                "Nguyễn Văn An",
                "Thiếu nhận xét nơi cư trú",
                List.of(Events.recipient("secretary1", "Lê Văn Cường"))));
    CloudEvent later =
        Events.taskAssigned(
            "Việc sau", "Nguyễn Văn An", Events.recipient("member2", "Trần Thị Bình"));

    for (CloudEvent event : List.of(reminder, overdue, returned)) {
      Events.publish("member1", event);
      Events.publish("member1", event);
    }
    Events.publish("member1", later);

    Mails.awaitOneFor(MEMBER2);
    await().during(Duration.ofMillis(700)).atMost(WAIT).until(() -> Mails.received().size() == 4);
    assertThat(Mails.receivedBy(MEMBER1))
        .extracting(Mails::subject)
        .containsExactlyInAnyOrder(
            "[Đánh giá, xếp loại 2025] Nhắc việc: Tự kiểm điểm – Nguyễn Văn An",
            "[Đánh giá, xếp loại 2025] Quá hạn: Tự kiểm điểm – Nguyễn Văn An");
    assertThat(Mails.receivedBy(SECRETARY1))
        .extracting(Mails::subject)
        .containsExactly("[Đánh giá, xếp loại 2025] Trả lại chi bộ: Nguyễn Văn An");
    for (CloudEvent event : List.of(reminder, overdue, returned)) {
      assertThat(countNotifications(event)).as(event.getType()).isEqualTo(1);
    }
    assertThat(
            jdbc.sql("select count(*) from notification.email_outbox").query(Long.class).single())
        .isEqualTo(4);
  }

  @Test
  void aUserWhoChoseInAppOnlyGetsTheNotificationButNoEmailUntilTurningEmailsBackOn() {
    assertThat(
            Http.putJson(
                    port,
                    "/api/v1/notifications/preferences",
                    "member1",
                    "{\"emailEnabled\":false}")
                .statusCode())
        .isEqualTo(200);
    CloudEvent reminder =
        Events.event(
            EventTypes.TASK_REMINDER,
            Events.taskReminderData(
                "Chi bộ kiểm điểm",
                "Nguyễn Văn An",
                List.of(Events.member1(), Events.recipient("member2", "Trần Thị Bình"))));

    Events.publish("member1", reminder);

    Mails.awaitOneFor(MEMBER2);
    // Both notifications and the one e-mail were written in the same transaction: nothing more is
    // coming.
    assertThat(countNotifications(reminder)).isEqualTo(2);
    assertThat(notificationOf(reminder, "member1")).containsEntry("kind", "TASK_REMINDER");
    assertThat(
            jdbc.sql("select to_address from notification.email_outbox").query(String.class).list())
        .containsExactly(MEMBER2);
    assertThat(Mails.receivedBy(MEMBER1)).isEmpty();

    HttpResponse<String> on =
        Http.putJson(
            port, "/api/v1/notifications/preferences", "member1", "{\"emailEnabled\":true}");
    assertThat(on.statusCode()).isEqualTo(200);
    CloudEvent overdue =
        Events.event(
            EventTypes.TASK_OVERDUE,
            Events.taskOverdueData(
                "Chi bộ kiểm điểm", "Nguyễn Văn An", null, List.of(Events.member1())));
    Events.publish("member1", overdue);

    assertThat(Mails.subject(Mails.awaitOneFor(MEMBER1))).contains("Quá hạn: Chi bộ kiểm điểm");
  }

  private double deadLettered(String reason) {
    Counter counter = meterRegistry.find(DeadLetters.COUNTER).tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }
}
