package vn.party.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;
import vn.party.notification.support.Events;
import vn.party.notification.support.IntegrationTest;
import vn.party.notification.support.Mails;

/** Events published to the real broker end as e-mails at the real SMTP server and rows in PostgreSQL. */
class EvaluationEventsTest extends IntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void taskAssignedSendsAVietnameseEmailWithTheTaskLinkAndStoresTheInAppNotification()
      throws Exception {
    Map<String, Object> data =
        Events.taskAssignedData("Tự kiểm điểm", "Nguyễn Văn An", List.of(Events.member1()));
    CloudEvent event = Events.event(EventTypes.TASK_ASSIGNED, data);

    Events.publish("member1", event);

    MimeMessage mail = Mails.awaitOneFor("member1@thanhkhetay.example.vn");
    assertThat(Mails.subject(mail))
        .isEqualTo("[Đánh giá, xếp loại 2025] Việc mới: Tự kiểm điểm – Nguyễn Văn An");
    InternetAddress from = (InternetAddress) mail.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("no-reply@dang.example.vn");
    assertThat(from.getPersonal()).isEqualTo("Hệ thống đánh giá, xếp loại");
    String text = Mails.text(mail);
    assertThat(text)
        .contains("Kính gửi đồng chí Nguyễn Văn An,")
        .contains("Việc: Tự kiểm điểm")
        // 10:00 UTC is 17:00 in Asia/Ho_Chi_Minh
        .contains("Hạn hoàn thành: 15/12/2025 17:00")
        .contains("Đồng chí viết bản tự kiểm điểm")
        .contains((String) data.get("taskUrl"));
    assertThat(Mails.html(mail)).contains("<a href=\"" + data.get("taskUrl") + "\">");

    Map<String, Object> row =
        jdbc.sql("select * from notification.notification where event_id = :id")
            .param("id", event.getId())
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("user_id", "member1")
        .containsEntry("kind", "TASK_ASSIGNED")
        .containsEntry("title", "Việc mới: Tự kiểm điểm – Nguyễn Văn An")
        .containsEntry("link", data.get("taskUrl"))
        .containsEntry("event_source", "/evaluation-service");
    assertThat(row.get("read_at")).isNull();
    await()
        .atMost(WAIT)
        .until(
            () ->
                "SENT"
                    .equals(
                        jdbc.sql(
                                "select o.status from notification.email_outbox o join notification.notification n on n.id = o.notification_id"
                                    + " where n.event_id = :id")
                            .param("id", event.getId())
                            .query(String.class)
                            .single()));
    assertThat(processedType(event)).isEqualTo(EventTypes.TASK_ASSIGNED);
  }

  @Test
  void aCommitteeTaskAboutACollectiveNamesTheCollectiveAndSaysWhatToDo() {
    Map<String, Object> data =
        Events.taskAssignedData(
            "Tập thể tự kiểm điểm (Mẫu 01)",
            null,
            List.of(Events.recipient("secretary1", "Lê Văn Cường")));
    data.put("taskKey", "collective-self-review");
    data.put("memberId", null);
    data.put("subjectName", "Chi bộ Khu dân cư số 1");
    CloudEvent event = Events.event(EventTypes.TASK_ASSIGNED, data);

    Events.publish("thanh-khe-tay", event);

    MimeMessage mail = Mails.awaitOneFor("secretary1@thanhkhetay.example.vn");
    assertThat(Mails.subject(mail))
        .isEqualTo(
            "[Đánh giá, xếp loại 2025] Việc mới: Tập thể tự kiểm điểm (Mẫu 01) – Chi bộ Khu dân cư số 1");
    assertThat(Mails.text(mail))
        .contains("Tập thể, đơn vị: Chi bộ Khu dân cư số 1")
        .doesNotContain("Đảng viên:")
        .contains("Tập thể viết bản tự kiểm điểm (Mẫu 01)");
    assertThat(
            jdbc.sql("select body from notification.notification where event_id = :id")
                .param("id", event.getId())
                .query(String.class)
                .single())
        .startsWith(
            "Đánh giá, xếp loại năm 2025: việc \"Tập thể tự kiểm điểm (Mẫu 01)\" của Chi bộ Khu dân cư số 1.");
  }

  @Test
  void theSameEventDeliveredTwiceSendsOneEmailAndStoresOneNotification() {
    CloudEvent event = Events.taskAssigned("Tự kiểm điểm", "Nguyễn Văn An", Events.member1());
    CloudEvent later = Events.taskAssigned("Việc sau", "Nguyễn Văn An", Events.member1());

    Events.publish("member1", event);
    Events.publish("member1", event);
    // Same key, same partition: once the later event is handled, so is the redelivery before it.
    Events.publish("member1", later);

    await()
        .atMost(WAIT)
        .until(
            () -> Mails.received().stream().anyMatch(m -> Mails.subject(m).contains("Việc sau")));
    await().during(Duration.ofMillis(700)).atMost(WAIT).until(() -> Mails.received().size() == 2);
    assertThat(Mails.received())
        .filteredOn(m -> Mails.subject(m).contains("Việc mới: Tự kiểm điểm"))
        .hasSize(1);
    assertThat(countNotifications(event)).isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from notification.email_outbox").query(Long.class).single())
        .isEqualTo(2);
  }

  @Test
  void aCandidateGroupTaskWithTwoRecipientsSendsTwoEmails() {
    CloudEvent event =
        Events.taskAssigned(
            "Chi bộ kiểm điểm, đề xuất xếp loại",
            "Nguyễn Văn An",
            Events.recipient("secretary1", "Lê Văn Cường"),
            Events.recipient("deputy1", "Phạm Thị Dung"));

    Events.publish("member1", event);

    MimeMessage secretary = Mails.awaitOneFor("secretary1@thanhkhetay.example.vn");
    MimeMessage deputy = Mails.awaitOneFor("deputy1@thanhkhetay.example.vn");
    assertThat(Mails.text(secretary)).contains("Kính gửi đồng chí Lê Văn Cường,");
    assertThat(Mails.text(deputy)).contains("Kính gửi đồng chí Phạm Thị Dung,");
    assertThat(Mails.received()).hasSize(2);
    assertThat(
            jdbc.sql(
                    "select user_id from notification.notification where event_id = :id order by user_id")
                .param("id", event.getId())
                .query(String.class)
                .list())
        .containsExactly("deputy1", "secretary1");
  }

  @Test
  void memberDecidedSendsTheLevelInVietnameseAndKeepsEventTextAsPlainText() {
    String comment = "Gương mẫu <script>alert('x')</script> & đoàn kết";
    CloudEvent event =
        Events.event(
            EventTypes.MEMBER_DECIDED,
            Events.memberDecidedData("GOOD", comment, List.of(Events.member1())));

    Events.publish("member1", event);

    MimeMessage mail = Mails.awaitOneFor("member1@thanhkhetay.example.vn");
    assertThat(Mails.subject(mail))
        .isEqualTo("[Đánh giá, xếp loại 2025] Đảng ủy quyết định xếp loại chất lượng đảng viên");
    assertThat(Mails.text(mail))
        .contains("Mức xếp loại: Hoàn thành tốt nhiệm vụ")
        .contains("Nhận xét của Đảng ủy: " + comment);
    assertThat(Mails.html(mail))
        .contains("Gương mẫu &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; đoàn kết")
        .doesNotContain("<script>");
    assertThat(
            jdbc.sql("select title from notification.notification where event_id = :id")
                .param("id", event.getId())
                .query(String.class)
                .single())
        .isEqualTo("Đảng ủy quyết định xếp loại năm 2025: Hoàn thành tốt nhiệm vụ");
    // the in-app item opens the member's record (the event of an older producer names no page)
    assertThat(
            jdbc.sql("select link from notification.notification where event_id = :id")
                .param("id", event.getId())
                .query(String.class)
                .single())
        .endsWith("/app/evaluations/2025/member1");
    assertThat(Mails.text(mail))
        .contains("kết quả xếp loại sẽ được công bố sau khi chốt kết quả")
        .contains("/app/evaluations/2025/member1");
  }

  @Test
  void binaryModeAndStructuredJsonWithoutContentTypeHeaderAreReadToo() {
    CloudEvent binary = Events.taskAssigned("Việc nhị phân", "Nguyễn Văn An", Events.member1());
    CloudEvent headerless =
        Events.taskAssigned(
            "Việc không tiêu đề", "Nguyễn Văn An", Events.recipient("member2", "Trần Thị Bình"));

    Events.publishBinary("member1", binary);
    Events.publishRaw("member1", Events.structuredJson(headerless));

    await().atMost(WAIT).until(() -> Mails.received().size() == 2);
    assertThat(Mails.received())
        .extracting(Mails::subject)
        .containsExactlyInAnyOrder(
            "[Đánh giá, xếp loại 2025] Việc mới: Việc nhị phân – Nguyễn Văn An",
            "[Đánh giá, xếp loại 2025] Việc mới: Việc không tiêu đề – Nguyễn Văn An");
  }

  @Test
  void typesThisServiceDoesNotHandleAreAcknowledgedAndIgnored() {
    CloudEvent started =
        Events.event(
            "vn.party.evaluation.campaign.started",
            Map.of("campaignId", "c1", "organizationId", "thanh-khe-tay", "year", 2025));
    CloudEvent later = Events.taskAssigned("Việc sau", "Nguyễn Văn An", Events.member1());

    Events.publish("thanh-khe-tay", started);
    Events.publish("thanh-khe-tay", later);

    Mails.awaitOneFor("member1@thanhkhetay.example.vn");
    assertThat(countNotifications(started)).isZero();
    assertThat(countProcessed(started)).isZero();
  }

  @Test
  void aRecipientWithoutEmailAddressGetsOnlyTheInAppNotification() {
    Map<String, Object> withoutEmail = Events.recipient("member3", "Hoàng Văn Em");
    withoutEmail.remove("email");
    CloudEvent event =
        Events.taskAssigned("Tự kiểm điểm", "Nguyễn Văn An", withoutEmail, Events.member1());

    Events.publish("member1", event);

    Mails.awaitOneFor("member1@thanhkhetay.example.vn");
    assertThat(countNotifications(event)).isEqualTo(2);
    assertThat(
            jdbc.sql("select count(*) from notification.email_outbox").query(Long.class).single())
        .isEqualTo(1);
    assertThat(Mails.received()).hasSize(1);
  }

  @Test
  void theConsumerReadsOnlyCommittedRecordsAndCommitsOffsetsItself(
      @Autowired ConsumerFactory<String, InboundEvent> consumerFactory) {
    assertThat(consumerFactory.getConfigurationProperties())
        .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
        .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
        .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "notification-service");
  }

  /**
   * One offset commit per poll, after each of its records' transactions: a commit per record cost a tenth of the
   * service's CPU in the bench's lifecycle; the inbox makes a poll handed over again after a crash harmless.
   */
  @Test
  void offsetsAreCommittedOncePerPollAfterItsRecords(
      @Autowired org.springframework.kafka.config.KafkaListenerEndpointRegistry registry) {
    assertThat(
            registry
                .getListenerContainer(EvaluationEventListener.LISTENER_ID)
                .getContainerProperties()
                .getAckMode())
        .isEqualTo(org.springframework.kafka.listener.ContainerProperties.AckMode.BATCH);
  }
}
