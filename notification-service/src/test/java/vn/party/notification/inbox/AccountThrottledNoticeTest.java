package vn.party.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.party.notification.support.Events;
import vn.party.notification.support.IntegrationTest;
import vn.party.notification.support.Mails;

/**
 * Issue 12: administrators are told by e-mail when an account starts to wait after wrong passwords, not only on a
 * page. The event names the account only; the administrators (engine group {@code admins}) and their addresses come
 * from the directory, never from the event, and the link goes to evaluation-service's list of held-back sign-ins.
 */
class AccountThrottledNoticeTest extends IntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String ADMIN = "admin1@thanhkhetay.example.vn";

  @Test
  void theAdministratorsOfTheDirectoryGetOneEmailAndNobodyTheEventNames() throws Exception {
    int before = Mails.receivedBy(ADMIN).size();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("userId", "member2");
    data.put("failures", 6);
    data.put("blockedUntil", "2026-12-05T03:20:12.204Z");
    data.put("occurredAt", "2026-12-05T03:20:11.204Z");
    // a forged event's recipients and address are not believed
    data.put(
        "recipients", List.of(Map.of("userId", "member1", "email", "victim@outside.example.com")));
    CloudEvent event = Events.event(EventTypes.ACCOUNT_SIGN_IN_THROTTLED, data);

    Events.publish("member2", event);

    await().atMost(WAIT).until(() -> Mails.receivedBy(ADMIN).size() == before + 1);
    MimeMessage mail = Mails.receivedBy(ADMIN).get(before);
    assertThat(Arrays.stream(mail.getAllRecipients()).map(Object::toString)).containsExactly(ADMIN);
    assertThat(Mails.subject(mail))
        .contains("Trần Thị Bình (member2)")
        .contains("tạm thời bị chặn đăng nhập");
    assertThat(Mails.text(mail))
        .contains("Kính gửi đồng chí Võ Văn Quản")
        .contains("6 lần")
        .contains("10:20") // 03:20 UTC in Hà Nội's time
        .contains("http://localhost:8080/app/admin/sign-ins");
    assertThat(
            jdbc.sql("select user_id from notification.notification where event_id = :id")
                .param("id", event.getId())
                .query(String.class)
                .list())
        .containsExactly("admin1");
    assertThat(
            jdbc.sql("select link from notification.notification where event_id = :id")
                .param("id", event.getId())
                .query(String.class)
                .single())
        .isEqualTo("http://localhost:8080/app/admin/sign-ins");
    assertThat(Mails.receivedBy("victim@outside.example.com")).isEmpty();

    // the same event again (a redelivery) mails nobody twice
    Events.publish("member2", event);
    Thread.sleep(2000);
    assertThat(Mails.receivedBy(ADMIN)).hasSize(before + 1);
  }
}
