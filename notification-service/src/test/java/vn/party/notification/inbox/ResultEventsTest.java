package vn.party.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.party.notification.support.Events;
import vn.party.notification.support.Http;
import vn.party.notification.support.IntegrationTest;
import vn.party.notification.support.Mails;

/**
 * Issue 3/4: the member is told when the year's results are announced (level, comment, until when and how to
 * complain, the link to the record), when the committee above re-appraised after a complaint, and when the
 * committee re-rated after a discipline decision — e-mails read back from the real SMTP server, notifications from
 * PostgreSQL.
 */
class ResultEventsTest extends IntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String MEMBER1 = "member1@thanhkhetay.example.vn";
  private static final String RECORD = "http://localhost:8080/app/evaluations/2025/member1";

  @LocalServerPort int port;

  @Test
  void theAnnouncementTellsTheLevelAndUntilWhenAndHowToComplain() {
    CloudEvent event =
        Events.event(EventTypes.RESULT_ANNOUNCED, announced("GOOD", "Hoàn thành tốt <nhiệm vụ>"));

    Events.publish("member1", event);
    Events.publish("member1", event); // a redelivery sends nothing more

    MimeMessage mail = Mails.awaitOneFor(MEMBER1);
    assertThat(Mails.subject(mail))
        .isEqualTo("[Đánh giá, xếp loại 2025] Kết quả xếp loại năm 2025 đã được công bố");
    assertThat(Mails.lines(mail))
        .contains("Kính gửi đồng chí Nguyễn Văn An,")
        .contains("Kết quả xếp loại chất lượng đảng viên năm 2025 của đồng chí đã được công bố.")
        .contains("Mức xếp loại: Hoàn thành tốt nhiệm vụ")
        .contains("Nhận xét của Đảng ủy: Hoàn thành tốt <nhiệm vụ>")
        // 10:00 UTC is 17:00 in Asia/Ho_Chi_Minh
        .contains("gửi khiếu nại đến hết 20/01/2026 17:00")
        .contains("Gửi khiếu nại")
        .contains("Hồ sơ đánh giá của đồng chí:\n" + RECORD);
    assertThat(Mails.html(mail))
        .contains("<a href=\"" + RECORD + "\">")
        .contains("&lt;nhiệm vụ&gt;");

    Map<String, Object> row = notificationOf(event, "member1");
    assertThat(row)
        .containsEntry("kind", "RESULT_ANNOUNCED")
        .containsEntry("title", "Đã công bố kết quả xếp loại năm 2025: Hoàn thành tốt nhiệm vụ")
        .containsEntry("link", RECORD);
    assertThat((String) row.get("body")).contains("Có thể khiếu nại đến 20/01/2026 17:00");
    await().during(Duration.ofMillis(700)).atMost(WAIT).until(() -> Mails.received().size() == 1);
    assertThat(countNotifications(event)).isOne();
  }

  @Test
  void theReappraisalSaysWhetherTheLevelWasKeptOrChanged() {
    CloudEvent changed =
        Events.event(EventTypes.MEMBER_REAPPRAISED, reappraised("GOOD", "COMPLETED"));

    Events.publish("member1", changed);

    MimeMessage mail = Mails.awaitOneFor(MEMBER1);
    assertThat(Mails.subject(mail))
        .isEqualTo("[Đánh giá, xếp loại 2025] Kết quả thẩm định lại theo khiếu nại");
    assertThat(Mails.lines(mail))
        .contains(
            "Cấp ủy cấp trên đã thẩm định lại kết quả xếp loại chất lượng năm 2025 của đồng chí theo khiếu nại.")
        .contains("Mức xếp loại ban đầu: Hoàn thành tốt nhiệm vụ")
        .contains("Kết quả thẩm định: thay đổi thành mức Hoàn thành nhiệm vụ")
        .contains("Nhận xét của Đảng ủy: Xác minh chưa hoàn thành hai nhiệm vụ.")
        .contains(RECORD);
    assertThat(notificationOf(changed, "member1"))
        .containsEntry("kind", "MEMBER_REAPPRAISED")
        .containsEntry("title", "Kết quả thẩm định lại năm 2025: Hoàn thành nhiệm vụ");
    assertThat((String) notificationOf(changed, "member1").get("body"))
        .isEqualTo(
            "Cấp ủy cấp trên đã thẩm định lại kết quả xếp loại năm 2025: từ Hoàn thành tốt nhiệm vụ thành "
                + "Hoàn thành nhiệm vụ.");

    CloudEvent kept = Events.event(EventTypes.MEMBER_REAPPRAISED, reappraised("GOOD", "GOOD"));
    Events.publish("member1", kept);
    await().atMost(WAIT).until(() -> Mails.receivedBy(MEMBER1).size() == 2);
    assertThat(Mails.receivedBy(MEMBER1).stream().map(Mails::lines))
        .anyMatch(t -> t.contains("Kết quả thẩm định: giữ nguyên mức Hoàn thành tốt nhiệm vụ"));
  }

  @Test
  void anAdjustmentWhileFinalizingIsToldToTheMemberWithTheReason() {
    Map<String, Object> data = Events.aboutMember1();
    data.put("fromLevel", "EXCELLENT");
    data.put("toLevel", "GOOD");
    data.put("reason", "Vượt tỷ lệ 20% Hoàn thành xuất sắc nhiệm vụ.");
    data.put("adjustedBy", "committee");
    data.put("adjustedAt", "2026-01-10T09:00:00Z");
    data.put("recipients", List.of(Events.member1()));
    CloudEvent event = Events.event(EventTypes.MEMBER_LEVEL_ADJUSTED, data);

    Events.publish("member1", event);

    MimeMessage mail = Mails.awaitOneFor(MEMBER1);
    assertThat(Mails.subject(mail))
        .isEqualTo("[Đánh giá, xếp loại 2025] Đảng ủy cơ sở điều chỉnh mức xếp loại");
    assertThat(Mails.lines(mail))
        .contains(
            "Khi chốt kết quả xếp loại chất lượng năm 2025, Đảng ủy cơ sở đã điều chỉnh mức xếp loại của đồng chí.")
        .contains("Mức xếp loại ban đầu: Hoàn thành xuất sắc nhiệm vụ")
        .contains("Mức sau điều chỉnh: Hoàn thành tốt nhiệm vụ")
        .contains("Lý do điều chỉnh: Vượt tỷ lệ 20% Hoàn thành xuất sắc nhiệm vụ.");
    assertThat(notificationOf(event, "member1"))
        .containsEntry("kind", "MEMBER_LEVEL_ADJUSTED")
        .containsEntry("title", "Điều chỉnh mức xếp loại năm 2025: Hoàn thành tốt nhiệm vụ");
    assertThat((String) notificationOf(event, "member1").get("body"))
        .isEqualTo(
            "Đảng ủy cơ sở đã điều chỉnh mức xếp loại năm "
                + "2025 của đảng viên Nguyễn Văn An: từ Hoàn thành xuất sắc nhiệm vụ thành Hoàn thành tốt nhiệm vụ.");
  }

  @Test
  void aReratingIsToldToTheMemberWithTheDisciplineDecision() {
    Map<String, Object> data = Events.aboutMember1();
    data.put("disciplineDecisionId", "15-QĐ/UBKT");
    data.put("originalLevel", "GOOD");
    data.put("reratedLevel", "NOT_COMPLETED");
    data.put("comment", "Bị kỷ luật khiển trách.");
    data.put("decidedBy", "committee");
    data.put("recipients", List.of(Events.member1()));
    CloudEvent event = Events.event(EventTypes.MEMBER_RERATED, data);

    Events.publish("member1", event);

    MimeMessage mail = Mails.awaitOneFor(MEMBER1);
    assertThat(Mails.subject(mail))
        .isEqualTo("[Đánh giá, xếp loại 2025] Kết quả xếp loại lại chất lượng đảng viên");
    assertThat(Mails.lines(mail))
        .contains(
            "Sau quyết định kỷ luật 15-QĐ/UBKT, Đảng ủy cơ sở đã xếp loại lại chất lượng năm 2025")
        .contains("Mức xếp loại ban đầu: Hoàn thành tốt nhiệm vụ")
        .contains("Mức xếp loại lại: Không hoàn thành nhiệm vụ");
    assertThat(notificationOf(event, "member1")).containsEntry("kind", "MEMBER_RERATED");
  }

  @Test
  void aMemberWhoChoseInAppOnlyGetsTheAnnouncementInTheAppOnly() {
    assertThat(
            Http.putJson(
                    port,
                    "/api/v1/notifications/preferences",
                    "member1",
                    "{\"emailEnabled\":false}")
                .statusCode())
        .isEqualTo(200);
    CloudEvent event = Events.event(EventTypes.RESULT_ANNOUNCED, announced("EXCELLENT", null));
    CloudEvent later =
        Events.taskAssigned(
            "Việc sau", "Trần Thị Bình", Events.recipient("member2", "Trần Thị Bình"));

    Events.publish("member1", event);
    Events.publish("member1", later); // same partition: handled after the announcement

    Mails.awaitOneFor("member2@thanhkhetay.example.vn");
    assertThat(notificationOf(event, "member1")).containsEntry("kind", "RESULT_ANNOUNCED");
    assertThat(Mails.receivedBy(MEMBER1)).isEmpty();
    Http.putJson(port, "/api/v1/notifications/preferences", "member1", "{\"emailEnabled\":true}");
  }

  @Test
  void anAnnouncementWithoutTheWindowsEndIsRefused() {
    Map<String, Object> data = announced("GOOD", null);
    data.put("complaintWindowEnd", "next week");
    CloudEvent bad = Events.event(EventTypes.RESULT_ANNOUNCED, data);
    CloudEvent later = Events.taskAssigned("Việc sau", "Nguyễn Văn An", Events.member1());

    Events.publish("member1", bad);
    Events.publish("member1", later);

    Mails.awaitOneFor(MEMBER1);
    assertThat(countProcessed(bad)).isZero();
  }

  private static Map<String, Object> announced(String level, String comment) {
    Map<String, Object> data = Events.aboutMember1();
    data.put("decidedLevel", level);
    data.put("decisionComment", comment);
    data.put("announcedAt", "2026-01-05T10:00:00Z");
    data.put("complaintWindowEnd", "2026-01-20T10:00:00Z");
    data.put("evaluationUrl", RECORD);
    data.put("recipients", List.of(Events.member1()));
    return data;
  }

  private static Map<String, Object> reappraised(String original, String level) {
    Map<String, Object> data = Events.aboutMember1();
    data.put("originalLevel", original);
    data.put("reappraisedLevel", level);
    data.put("changed", !original.equals(level));
    data.put("comment", "Xác minh chưa hoàn thành hai nhiệm vụ.");
    data.put("decidedBy", "district");
    data.put("decidedAt", "2026-01-25T10:00:00Z");
    data.put("evaluationUrl", RECORD);
    data.put("recipients", List.of(Events.member1()));
    return data;
  }
}
