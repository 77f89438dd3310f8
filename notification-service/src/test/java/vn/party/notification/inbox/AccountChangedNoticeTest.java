package vn.party.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.party.notification.support.Events;
import vn.party.notification.support.IntegrationTest;
import vn.party.notification.support.Mails;

/**
 * Issue 12: a password reset is never silent. When someone else sets an account's password ({@code account.changed},
 * {@code ONE_TIME_PASSWORD}, {@code changedBy}), its holder is told at once — in-app and by e-mail at the address the
 * directory has for them, never one from the event, even if they chose in-app notices only — who did it (by name)
 * and when (local time). Their own change gets a short confirmation.
 */
class AccountChangedNoticeTest extends IntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String HOLDER = "member2@thanhkhetay.example.vn";

  /** An event about member2's account at the given time (the mails print it in Hà Nội's time). */
  private static CloudEvent event(String type, String time, Map<String, Object> data) {
    return CloudEventBuilder.v1(Events.event(type, data))
        .withSubject("member2")
        .withTime(OffsetDateTime.parse(time))
        .build();
  }

  /** The holder chose in-app notices only: a notice about their own account is mailed all the same. */
  private void chooseInAppNoticesOnly() {
    jdbc.sql(
            "insert into notification.preference (user_id, email_enabled) values ('member2', false) "
                + "on conflict (user_id) do update set email_enabled = false")
        .update();
  }

  @AfterEach
  void forgetThePreference() {
    jdbc.sql("delete from notification.preference where user_id = 'member2'").update();
  }

  /** Waits for the next mail to the address (after the {@code before} it had) and checks it went there alone. */
  private static MimeMessage nextMailTo(String address, int before) throws Exception {
    await().atMost(WAIT).until(() -> Mails.receivedBy(address).size() == before + 1);
    MimeMessage mail = Mails.receivedBy(address).get(before);
    assertThat(Arrays.stream(mail.getAllRecipients()).map(Object::toString))
        .containsExactly(address);
    return mail;
  }

  @Test
  void theHolderIsToldWhoResetTheirPasswordAndWhenAtTheDirectorysAddress() throws Exception {
    chooseInAppNoticesOnly();
    int before = Mails.receivedBy(HOLDER).size();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("userId", "member2");
    data.put("change", "ONE_TIME_PASSWORD");
    data.put("changedBy", "secretary1");
    // a forged address or recipient in the event is not believed
    data.put("email", "taker@outside.example.com");
    data.put(
        "recipients", List.of(Map.of("userId", "member1", "email", "taker@outside.example.com")));
    CloudEvent event = event(EventTypes.ACCOUNT_CHANGED, "2026-12-05T03:20:11Z", data);

    Events.publish("member2", event);

    MimeMessage mail = nextMailTo(HOLDER, before);
    assertThat(Mails.subject(mail))
        .isEqualTo("[Bảo mật] Mật khẩu tài khoản của bạn đã được đặt lại");
    assertThat(Mails.text(mail))
        .contains("Kính gửi đồng chí Trần Thị Bình")
        .contains("Mật khẩu tài khoản của bạn đã được Lê Văn Cường (secretary1) đặt lại lúc")
        .contains("10:20") // 03:20 UTC in Hà Nội's time
        .contains("Nếu bạn không yêu cầu, hãy báo ngay cho quản trị viên hệ thống")
        .contains("http://localhost:8080/app/password");
    assertThat(
            jdbc.sql(
                    "select user_id || ' ' || kind || ' ' || body from notification.notification "
                        + "where event_id = :id")
                .param("id", event.getId())
                .query(String.class)
                .list())
        .singleElement()
        .asString()
        .startsWith(
            "member2 ACCOUNT_PASSWORD_RESET Mật khẩu tài khoản của bạn đã được "
                + "Lê Văn Cường (secretary1) đặt lại lúc");
    assertThat(Mails.receivedBy("taker@outside.example.com")).isEmpty();
  }

  @Test
  void theHoldersOwnChangeGetsAShortConfirmation() throws Exception {
    int before = Mails.receivedBy(HOLDER).size();
    CloudEvent event =
        event(
            EventTypes.ACCOUNT_CHANGED,
            "2026-12-05T03:20:11Z",
            Map.of("userId", "member2", "change", "PASSWORD_CHANGED"));

    Events.publish("member2", event);

    MimeMessage mail = nextMailTo(HOLDER, before);
    assertThat(Mails.subject(mail)).isEqualTo("[Bảo mật] Mật khẩu tài khoản của bạn đã được đổi");
    assertThat(Mails.text(mail))
        .contains("đã được đổi lúc")
        .contains("10:20")
        .contains("Nếu không phải bạn đổi, hãy báo ngay cho quản trị viên hệ thống")
        .doesNotContain("đặt lại");
    assertThat(
            jdbc.sql("select kind from notification.notification where event_id = :id")
                .param("id", event.getId())
                .query(String.class)
                .list())
        .containsExactly("ACCOUNT_PASSWORD_CHANGED");
  }

  /**
   * Seventh session's outsider, 5b: a member's address was changed (roster import, then the profile) and a password
   * reset went only to the new address. The address it was is told of the change ({@code account.email-changed}),
   * whatever the holder's preference, and so is the holder at the directory's address; the mail does not name the new
   * address.
   */
  @Test
  void theAddressItWasIsToldOfAnEmailChange() throws Exception {
    String previous = "member2-truoc-day@thanhkhetay.example.vn";
    chooseInAppNoticesOnly();
    int before = Mails.receivedBy(HOLDER).size();
    int beforeThere = Mails.receivedBy(previous).size();
    CloudEvent event =
        event(
            EventTypes.ACCOUNT_EMAIL_CHANGED,
            "2026-12-07T03:20:11Z",
            Map.of("userId", "member2", "previousEmail", previous, "changedBy", "secretary1"));

    Events.publish("member2", event);

    MimeMessage mail = nextMailTo(previous, beforeThere);
    assertThat(Mails.subject(mail)).isEqualTo("[Bảo mật] Địa chỉ thư điện tử của bạn đã được đổi");
    assertThat(Mails.text(mail))
        .contains("Kính gửi đồng chí Trần Thị Bình")
        .contains(
            "Địa chỉ thư điện tử của tài khoản của bạn đã được Lê Văn Cường "
                + "(secretary1) đổi sang địa chỉ khác lúc")
        .contains("10:20")
        .doesNotContain(HOLDER);
    await().atMost(WAIT).until(() -> Mails.receivedBy(HOLDER).size() == before + 1);
    assertThat(
            jdbc.sql(
                    "select user_id || ' ' || kind from notification.notification "
                        + "where event_id = :id")
                .param("id", event.getId())
                .query(String.class)
                .list())
        .containsExactly("member2 ACCOUNT_EMAIL_CHANGED");
  }

  /**
   * Eighth session's outsider, 3a: a roster import adopted a sign-in and changed its address and its name; the notice
   * to the previous address named no one and greeted the name the importer wrote. With {@code previousName} (AsyncAPI
   * 0.4.0) the previous address is greeted by the name the account had, and told who changed it (the importer); the
   * holder at the directory's address is greeted by the directory's name, as before.
   */
  @Test
  void thePreviousAddressIsGreetedByTheNameTheAccountHadAndToldWhoChangedIt() throws Exception {
    String previous = "tai-khoan-cu-" + System.nanoTime() + "@outside.example.com";
    int before = Mails.receivedBy(HOLDER).size();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("userId", "member2");
    data.put("previousEmail", previous);
    data.put("changedBy", "secretary1");
    data.put("previousName", "Tài khoản Ẩn Danh");
    CloudEvent event = event(EventTypes.ACCOUNT_EMAIL_CHANGED, "2026-12-07T03:20:11Z", data);

    Events.publish("member2", event);

    MimeMessage there = nextMailTo(previous, 0);
    assertThat(Mails.text(there))
        .contains("Kính gửi đồng chí Tài khoản Ẩn Danh,")
        .doesNotContain("Trần Thị Bình")
        .contains(
            "của tài khoản của bạn đã được Lê Văn Cường (secretary1) đổi sang địa chỉ khác lúc")
        .doesNotContain("hệ thống đổi");
    // the holder is not told the previous address: it may be another person's (ninth session's
    // outsider, finding 3)
    assertThat(Mails.text(nextMailTo(HOLDER, before)))
        .contains("Kính gửi đồng chí Trần Thị Bình")
        .doesNotContain("Tài khoản Ẩn Danh")
        .doesNotContain(previous);
  }
}
