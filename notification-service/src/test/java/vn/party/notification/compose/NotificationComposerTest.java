package vn.party.notification.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Texts from the real message bundles, configured as application.yml configures them. */
class NotificationComposerTest {

  private static final Locale VI = Locale.forLanguageTag("vi");

  private final NotificationComposer composer = new NotificationComposer(messages(), ZoneId.of("Asia/Ho_Chi_Minh"));

  private final Map<String, String> task = Map.of(Params.YEAR, "2025", Params.TASK_KEY, "committee-decision",
      Params.TASK_NAME, "Đảng ủy cơ sở quyết định xếp loại", Params.MEMBER_NAME, "Nguyễn Văn An",
      Params.DUE_DATE, "2026-01-09T17:30:00Z");

  @Test
  void taskAssignedEmailIsInVietnamese() {
    EmailContent email = composer.email(NotificationKind.TASK_ASSIGNED, task, "Lê Văn Cường",
        "https://danhgia.example.vn/tasks/42", VI);

    assertThat(email.subject())
        .isEqualTo("[Đánh giá, xếp loại 2025] Việc mới: Đảng ủy cơ sở quyết định xếp loại – Nguyễn Văn An");
    assertThat(email.text())
        .startsWith("Kính gửi đồng chí Lê Văn Cường,")
        // 17:30 UTC is 00:30 the next day in Viet Nam
        .contains("Hạn hoàn thành: 10/01/2026 00:30")
        .contains("Đảng ủy cơ sở xem xét, quyết định mức xếp loại")
        .contains("https://danhgia.example.vn/tasks/42");
    assertThat(email.html()).contains("<a href=\"https://danhgia.example.vn/tasks/42\">");
  }

  @Test
  void englishIsAvailable() {
    EmailContent email = composer.email(NotificationKind.MEMBER_DECIDED,
        Map.of(Params.YEAR, "2025", Params.MEMBER_NAME, "Nguyễn Văn An", Params.LEVEL, "NOT_COMPLETED"),
        "An", null, Locale.ENGLISH);

    assertThat(email.subject()).isEqualTo("[Evaluation 2025] Party member rating result");
    assertThat(email.text()).contains("Rating level: Did not fulfil duties").contains("Committee's comment: none.");
  }

  @Test
  void everyLevelHasItsVietnameseName() {
    Map<String, String> expected = Map.of(
        "EXCELLENT", "Hoàn thành xuất sắc nhiệm vụ",
        "GOOD", "Hoàn thành tốt nhiệm vụ",
        "COMPLETED", "Hoàn thành nhiệm vụ",
        "NOT_COMPLETED", "Không hoàn thành nhiệm vụ");
    expected.forEach((level, name) -> assertThat(composer.inApp(NotificationKind.MEMBER_DECIDED,
        Map.of(Params.YEAR, "2025", Params.MEMBER_NAME, "A", Params.LEVEL, level), VI).title())
        .isEqualTo("Kết quả xếp loại năm 2025: " + name));
  }

  @Test
  void eventTextCannotInjectHtmlOrHeaders() {
    Map<String, String> hostile = Map.of(Params.YEAR, "2025", Params.TASK_NAME, "<img src=x onerror=alert(1)>",
        Params.MEMBER_NAME, "A\r\nBcc: victim@example.com");

    EmailContent email = composer.email(NotificationKind.TASK_ASSIGNED, hostile, "<b>B</b>", null, VI);

    assertThat(email.html()).doesNotContain("<img").doesNotContain("<b>").contains("&lt;img src=x onerror=alert(1)&gt;");
    assertThat(email.subject()).doesNotContain("\r").doesNotContain("\n");
  }

  @Test
  void onlyAbsoluteHttpLinksAreKept() {
    assertThat(NotificationComposer.safeLink("https://danhgia.example.vn/tasks/1")).isNotNull();
    assertThat(NotificationComposer.safeLink("javascript:alert(1)")).isNull();
    assertThat(NotificationComposer.safeLink("/tasks/1")).isNull();
    assertThat(NotificationComposer.safeLink("not a url")).isNull();
  }

  @Test
  void aMissingDueDateIsSaidInWords() {
    RenderedText text = composer.inApp(NotificationKind.TASK_ASSIGNED,
        Map.of(Params.YEAR, "2025", Params.TASK_NAME, "Tự kiểm điểm", Params.MEMBER_NAME, "A"), VI);
    assertThat(text.body()).endsWith("Hạn hoàn thành: chưa quy định.");
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    messages.setAlwaysUseMessageFormat(true);
    return messages;
  }
}
