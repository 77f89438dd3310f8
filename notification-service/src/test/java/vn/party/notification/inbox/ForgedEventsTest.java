package vn.party.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.party.notification.support.Events;
import vn.party.notification.support.IntegrationTest;
import vn.party.notification.support.Mails;

/**
 * Issue 12, "forged events are believed": an event on {@code evaluation.events} named an outside address and an
 * outside link, and notification-service mailed the one and showed the other. Recipients are now user ids whose
 * addresses come from the directory, and links are kept only under evaluation-service's public URL.
 */
class ForgedEventsTest extends IntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String OUTSIDE_ADDRESS = "victim@outside.example.com";
  private static final String OUTSIDE_LINK =
      "https://danhgia-thanhkhetay.example.com/login?next=/app";

  @Test
  void aForgedMemberDecidedMailsNoOutsideAddressAndShowsNoOutsideLink() throws Exception {
    Map<String, Object> member1 = Events.member1();
    member1.put("email", OUTSIDE_ADDRESS);
    Map<String, Object> outsider = Events.recipient("outsider", "Người ngoài");
    outsider.put("email", "outsider@outside.example.com");
    Map<String, Object> data =
        Events.memberDecidedData(
            "EXCELLENT", "Xem chi tiết tại đường dẫn", List.of(member1, outsider));
    data.put("taskUrl", OUTSIDE_LINK);
    data.put("evaluationUrl", OUTSIDE_LINK);
    CloudEvent event = Events.event(EventTypes.MEMBER_DECIDED, data);

    Events.publish("member1", event);

    // the notice goes to member1's address in the directory, not to the address the event gave
    MimeMessage mail = Mails.awaitOneFor("member1@thanhkhetay.example.vn");
    assertThat(Arrays.stream(mail.getAllRecipients()).map(Object::toString))
        .containsExactly("member1@thanhkhetay.example.vn");
    assertThat(Mails.text(mail)).doesNotContain("outside.example.com");
    assertThat(Mails.html(mail)).doesNotContain("outside.example.com");
    assertThat(Mails.receivedBy(OUTSIDE_ADDRESS)).isEmpty();
    assertThat(Mails.receivedBy("outsider@outside.example.com")).isEmpty();
    // a user id that is not in the directory gets nothing, not even an in-app row
    assertThat(
            jdbc.sql("select user_id from notification.notification where event_id = :id")
                .param("id", event.getId())
                .query(String.class)
                .list())
        .containsExactly("member1");
    assertThat(
            jdbc.sql(
                    "select count(*) from notification.email_outbox where to_address like '%outside%'")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select link from notification.notification where event_id = :id")
                .param("id", event.getId())
                .query(String.class)
                .optional())
        .isEmpty();
  }

  @Test
  void aTaskNoticeWithAnOutsideTaskUrlIsShownAndMailedWithoutTheLink() throws Exception {
    for (String outside :
        List.of(
            OUTSIDE_LINK,
            "http://localhost:8080.outside.example.com/app",
            "http://evil@localhost:8080/app",
            "http://localhost:9999/app",
            "https://localhost:8080/app",
            "javascript:alert(1)")) {
      Map<String, Object> data =
          Events.taskAssignedData(
              "Tự kiểm điểm",
              "Nguyễn Văn An",
              List.of(Events.recipient("member2", "Trần Thị Bình")));
      data.put("taskUrl", outside);
      CloudEvent event = Events.event(EventTypes.TASK_ASSIGNED, data);

      Events.publish("member2", event);

      assertThat(linkOfTheNotice(event)).as(outside).isEmpty();
    }
    await()
        .atMost(WAIT)
        .until(() -> Mails.receivedBy("member2@thanhkhetay.example.vn").size() == 6);
    for (MimeMessage mail : Mails.receivedBy("member2@thanhkhetay.example.vn")) {
      assertThat(Mails.text(mail))
          .doesNotContain("outside.example.com")
          .doesNotContain("evil@")
          .doesNotContain("localhost:9999")
          .doesNotContain("https://localhost")
          .doesNotContain("javascript:");
    }
  }

  @Test
  void aLinkUnderThePublicUrlIsKept() {
    Map<String, Object> data =
        Events.taskAssignedData("Tự kiểm điểm", "Nguyễn Văn An", List.of(Events.member1()));
    CloudEvent event = Events.event(EventTypes.TASK_ASSIGNED, data);

    Events.publish("member1", event);

    assertThat(linkOfTheNotice(event).orElseThrow())
        .isEqualTo(data.get("taskUrl"))
        .startsWith("http://localhost:8080/");
  }

  /** Waits for the event's one in-app notice; its link, if it kept one. */
  private Optional<String> linkOfTheNotice(CloudEvent event) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                jdbc.sql("select count(*) from notification.notification where event_id = :id")
                        .param("id", event.getId())
                        .query(Long.class)
                        .single()
                    == 1);
    return jdbc.sql("select link from notification.notification where event_id = :id")
        .param("id", event.getId())
        .query(String.class)
        .optional();
  }
}
