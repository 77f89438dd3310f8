package vn.party.notification.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Texts from the real message bundles, configured as application.yml configures them. */
class NotificationComposerTest {

  private static final Locale VI = Locale.forLanguageTag("vi");

  private final NotificationComposer composer =
      new NotificationComposer(messages(), ZoneId.of("Asia/Ho_Chi_Minh"));

  private final Map<String, String> task =
      Map.of(
          Params.YEAR,
          "2025",
          Params.TASK_KEY,
          "committee-decision",
          Params.TASK_NAME,
          "Đảng ủy cơ sở quyết định xếp loại",
          Params.MEMBER_NAME,
          "Nguyễn Văn An",
          Params.DUE_DATE,
          "2026-01-09T17:30:00Z");

  @Test
  void taskAssignedEmailIsInVietnamese() {
    EmailContent email =
        composer.email(
            NotificationKind.TASK_ASSIGNED,
            task,
            "Lê Văn Cường",
            "https://danhgia.example.vn/tasks/42",
            VI);

    assertThat(email.subject())
        .isEqualTo(
            "[Đánh giá, xếp loại 2025] Việc mới: Đảng ủy cơ sở quyết định xếp loại – Nguyễn Văn An");
    assertThat(email.text())
        .startsWith("Kính gửi đồng chí Lê Văn Cường,")
        // 17:30 UTC is 00:30 the next day in Viet Nam
        .contains("Hạn hoàn thành: 10/01/2026 00:30")
        .contains("Đảng ủy cơ sở xem xét, quyết định mức xếp loại")
        .contains("https://danhgia.example.vn/tasks/42");
    assertThat(email.html()).contains("<a href=\"https://danhgia.example.vn/tasks/42\">");
  }

  @Test
  void aTaskNamedForTasklistWithTheYearAndTheMemberNamesThemOnce() {
    Map<String, String> named = new HashMap<>(task);
    named.put(Params.TASK_NAME, "Đảng ủy cơ sở quyết định xếp loại năm 2025: Nguyễn Văn An");

    RenderedText inApp = composer.inApp(NotificationKind.TASK_ASSIGNED, named, VI);
    EmailContent email =
        composer.email(NotificationKind.TASK_REMINDER, named, "Lê Văn Cường", null, VI);

    assertThat(inApp.title())
        .isEqualTo("Việc mới: Đảng ủy cơ sở quyết định xếp loại – Nguyễn Văn An");
    assertThat(email.subject())
        .isEqualTo(
            "[Đánh giá, xếp loại 2025] Nhắc việc: Đảng ủy cơ sở quyết định xếp loại – Nguyễn Văn An");
    // a name that merely mentions someone else is left as it is
    named.put(Params.TASK_NAME, "Xếp loại chi bộ: Chi bộ 1");
    assertThat(composer.inApp(NotificationKind.TASK_ASSIGNED, named, VI).title())
        .isEqualTo("Việc mới: Xếp loại chi bộ: Chi bộ 1 – Nguyễn Văn An");
  }

  @Test
  void englishIsAvailable() {
    EmailContent email =
        composer.email(
            NotificationKind.MEMBER_DECIDED,
            Map.of(
                Params.YEAR,
                "2025",
                Params.MEMBER_NAME,
                "Nguyễn Văn An",
                Params.LEVEL,
                "NOT_COMPLETED"),
            "An",
            null,
            Locale.ENGLISH);

    assertThat(email.subject())
        .isEqualTo("[Evaluation 2025] The committee's rating decision on a party member");
    assertThat(email.text())
        .contains("Rating level: Did not fulfil tasks")
        .contains("Committee's comment: none.");
  }

  /**
   * At the decision the level is the committee's, not yet the result (session 13): the notice says it is announced
   * after the finalization, and that a level approved above the quota may change there; the e-mail links the record.
   */
  @Test
  void theDecisionIsToldAsTheCommitteesNotYetTheResult() {
    Map<String, String> params = new java.util.HashMap<>();
    params.put(Params.YEAR, "2025");
    params.put(Params.MEMBER_NAME, "papers13 Nguyễn Văn An");
    params.put(Params.LEVEL, "EXCELLENT");
    assertThat(composer.inApp(NotificationKind.MEMBER_DECIDED, params, VI).body())
        .contains(
            "Đây là quyết định của Đảng ủy; kết quả xếp loại sẽ được công bố sau khi chốt kết quả.");
    params.put(Params.ABOVE_QUOTA, "true");
    assertThat(composer.inApp(NotificationKind.MEMBER_DECIDED, params, VI).body())
        .contains("có thể thay đổi khi chốt kết quả");
    EmailContent email =
        composer.email(
            NotificationKind.MEMBER_DECIDED,
            params,
            "An",
            "http://localhost:8080/app/evaluations/2025/papers13-member",
            VI);
    assertThat(email.subject()).doesNotContain("Kết quả xếp loại");
    assertThat(email.text())
        .contains("có thể thay đổi khi chốt kết quả")
        .contains("Hồ sơ đánh giá của đảng viên:")
        .contains("http://localhost:8080/app/evaluations/2025/papers13-member");
  }

  @Test
  void everyLevelHasItsVietnameseName() {
    Map<String, String> expected =
        Map.of(
            "EXCELLENT", "Hoàn thành xuất sắc nhiệm vụ",
            "GOOD", "Hoàn thành tốt nhiệm vụ",
            "COMPLETED", "Hoàn thành nhiệm vụ",
            "NOT_COMPLETED", "Không hoàn thành nhiệm vụ");
    expected.forEach(
        (level, name) ->
            assertThat(
                    composer
                        .inApp(
                            NotificationKind.MEMBER_DECIDED,
                            Map.of(
                                Params.YEAR, "2025", Params.MEMBER_NAME, "A", Params.LEVEL, level),
                            VI)
                        .title())
                .isEqualTo("Đảng ủy quyết định xếp loại năm 2025: " + name));
  }

  @Test
  void eventTextCannotInjectHtmlOrHeaders() {
    Map<String, String> hostile =
        Map.of(
            Params.YEAR,
            "2025",
            Params.TASK_NAME,
            "<img src=x onerror=alert(1)>",
            Params.MEMBER_NAME,
            "A\r\nBcc: victim@example.com");

    EmailContent email =
        composer.email(NotificationKind.TASK_ASSIGNED, hostile, "<b>B</b>", null, VI);

    assertThat(email.html())
        .doesNotContain("<img")
        .doesNotContain("<b>")
        .contains("&lt;img src=x onerror=alert(1)&gt;");
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
    RenderedText text =
        composer.inApp(
            NotificationKind.TASK_ASSIGNED,
            Map.of(Params.YEAR, "2025", Params.TASK_NAME, "Tự kiểm điểm", Params.MEMBER_NAME, "A"),
            VI);
    assertThat(text.body()).endsWith("Hạn hoàn thành: chưa quy định.");
  }

  @Test
  void aReminderSaysTheDueDateAndLinksTheTaskInVietnameseAndEnglish() {
    EmailContent vi =
        composer.email(
            NotificationKind.TASK_REMINDER,
            task,
            "Lê Văn Cường",
            "https://danhgia.example.vn/tasks/42",
            VI);
    EmailContent en =
        composer.email(
            NotificationKind.TASK_REMINDER,
            task,
            "Lê Văn Cường",
            "https://danhgia.example.vn/tasks/42",
            Locale.ENGLISH);

    assertThat(vi.subject())
        .isEqualTo(
            "[Đánh giá, xếp loại 2025] Nhắc việc: Đảng ủy cơ sở quyết định xếp loại – Nguyễn Văn An");
    assertThat(vi.text())
        .contains("sắp đến hạn mà chưa hoàn thành")
        .contains("Hạn hoàn thành: 10/01/2026 00:30\n")
        .contains("Mở việc tại địa chỉ sau:\nhttps://danhgia.example.vn/tasks/42");
    assertThat(vi.html()).contains("<a href=\"https://danhgia.example.vn/tasks/42\">");
    assertThat(en.subject())
        .isEqualTo("[Evaluation 2025] Reminder: Committee decision – Nguyễn Văn An");
    assertThat(en.text()).contains("is due soon").contains("Due: 10/01/2026 00:30");
    assertThat(composer.inApp(NotificationKind.TASK_REMINDER, task, VI))
        .isEqualTo(
            new RenderedText(
                "Nhắc việc: Đảng ủy cơ sở quyết định xếp loại – Nguyễn Văn An",
                "Đánh giá, xếp loại năm 2025: việc \"Đảng ủy cơ sở quyết định xếp loại\" đối với đảng viên Nguyễn Văn An"
                    + " sắp đến hạn. Hạn hoàn thành: 10/01/2026 00:30."));
  }

  @Test
  void anOverdueTaskSaysWhichCommitteeWasInformed() {
    Map<String, String> branch =
        with(task, Params.ESCALATED_TO, "branch-committee-thanh-khe-tay-cb1");
    Map<String, String> organization =
        with(task, Params.ESCALATED_TO, "org-committee-thanh-khe-tay");
    Map<String, String> other = with(task, Params.ESCALATED_TO, "auditors");

    EmailContent email = composer.email(NotificationKind.TASK_OVERDUE, branch, "An", null, VI);
    assertThat(email.subject())
        .isEqualTo(
            "[Đánh giá, xếp loại 2025] Quá hạn: Đảng ủy cơ sở quyết định xếp loại – Nguyễn Văn An");
    assertThat(email.text())
        .contains("đã quá hạn mà chưa hoàn thành")
        .contains("Hạn hoàn thành: 10/01/2026 00:30 (đã quá hạn)")
        .contains("Chi ủy chi bộ đã được thông báo về việc quá hạn này.");
    assertThat(composer.inApp(NotificationKind.TASK_OVERDUE, branch, VI).body())
        .isEqualTo(
            "Đánh giá, xếp loại năm 2025: việc \"Đảng ủy cơ sở quyết định xếp loại\" đối với đảng viên"
                + " Nguyễn Văn An đã quá hạn (hạn hoàn thành: 10/01/2026 00:30)."
                + " Chi ủy chi bộ đã được thông báo về việc quá hạn này.");
    assertThat(composer.inApp(NotificationKind.TASK_OVERDUE, organization, VI).body())
        .endsWith(" Đảng ủy cơ sở đã được thông báo về việc quá hạn này.");
    assertThat(composer.inApp(NotificationKind.TASK_OVERDUE, other, VI).body())
        .endsWith(" Cấp ủy có thẩm quyền đã được thông báo về việc quá hạn này.");
    assertThat(composer.inApp(NotificationKind.TASK_OVERDUE, task, VI).body())
        .endsWith("đã quá hạn (hạn hoàn thành: 10/01/2026 00:30).");
    assertThat(composer.email(NotificationKind.TASK_OVERDUE, task, "An", null, VI).text())
        .doesNotContain("đã được thông báo");
    assertThat(composer.inApp(NotificationKind.TASK_OVERDUE, organization, Locale.ENGLISH).title())
        .isEqualTo("Overdue: Committee decision – Nguyễn Văn An");
    assertThat(
            composer
                .email(NotificationKind.TASK_OVERDUE, organization, "An", null, Locale.ENGLISH)
                .text())
        .contains("Due: 10/01/2026 00:30 (overdue)")
        .contains("The grassroots party committee has been informed that this task is overdue.");
  }

  @Test
  void aReturnedCaseGivesTheCommitteesReasonAsPlainText() {
    Map<String, String> returned =
        Map.of(
            Params.YEAR,
            "2025",
            Params.MEMBER_NAME,
            "Nguyễn Văn An\r\nBcc: x@example.com",
            Params.REASON,
            "Thiếu <i>nhận xét</i>\nnơi cư trú");

    EmailContent email =
        composer.email(NotificationKind.CASE_RETURNED, returned, "Lê Văn Cường", null, VI);

    assertThat(email.subject())
        .isEqualTo("[Đánh giá, xếp loại 2025] Trả lại chi bộ: Nguyễn Văn An Bcc: x@example.com");
    assertThat(email.text())
        .contains("Lý do của Đảng ủy: Thiếu <i>nhận xét</i>\nnơi cư trú")
        .contains("Đề nghị chi bộ xem xét lại");
    assertThat(email.html())
        .contains("Lý do của Đảng ủy: Thiếu &lt;i&gt;nhận xét&lt;/i&gt;<br>nơi cư trú")
        .doesNotContain("<i>");
    RenderedText inApp =
        composer.inApp(
            NotificationKind.CASE_RETURNED,
            Map.of(Params.YEAR, "2025", Params.MEMBER_NAME, "Nguyễn Văn An"),
            VI);
    assertThat(inApp)
        .isEqualTo(
            new RenderedText(
                "Trả lại chi bộ: Nguyễn Văn An",
                "Đảng ủy cơ sở trả lại chi bộ hồ sơ đánh giá, xếp loại chất lượng năm 2025 của đảng viên Nguyễn Văn An."
                    + " Lý do của Đảng ủy: không nêu."));
    assertThat(
            composer
                .email(NotificationKind.CASE_RETURNED, returned, "An", null, Locale.ENGLISH)
                .text())
        .contains("Committee's reason: Thiếu")
        .contains("taking the committee's reason into account");
  }

  @Test
  void theAnnouncementAndTheReappraisalHaveTheirEnglishText() {
    Map<String, String> announced =
        Map.of(
            Params.YEAR,
            "2025",
            Params.MEMBER_NAME,
            "Nguyễn Văn An",
            Params.LEVEL,
            "GOOD",
            Params.COMPLAINT_WINDOW_END,
            "2026-01-20T10:00:00Z");
    EmailContent email =
        composer.email(
            NotificationKind.RESULT_ANNOUNCED,
            announced,
            "An",
            "https://danhgia.example.vn/app/evaluations/2025/member1",
            Locale.ENGLISH);
    assertThat(email.subject())
        .isEqualTo("[Evaluation 2025] The 2025 rating results have been announced");
    assertThat(email.text())
        .contains("you may complain until 20/01/2026 17:00")
        .contains(
            "Your evaluation record:\nhttps://danhgia.example.vn/app/evaluations/2025/member1");
    assertThat(
            composer
                .inApp(
                    NotificationKind.MEMBER_REAPPRAISED,
                    Map.of(
                        Params.YEAR, "2025", Params.ORIGINAL_LEVEL, "GOOD", Params.LEVEL, "GOOD"),
                    Locale.ENGLISH)
                .body())
        .isEqualTo(
            "The committee above has re-appraised your 2025 rating and kept it at Well fulfilled tasks.");
  }

  @Test
  void theAdjustmentHasItsEnglishText() {
    Map<String, String> adjusted =
        Map.of(
            Params.YEAR,
            "2025",
            Params.MEMBER_NAME,
            "Nguyễn Văn An",
            Params.ORIGINAL_LEVEL,
            "EXCELLENT",
            Params.LEVEL,
            "GOOD",
            Params.REASON,
            "Over the 20 % quota");
    EmailContent email =
        composer.email(
            NotificationKind.MEMBER_LEVEL_ADJUSTED, adjusted, "An", null, Locale.ENGLISH);
    assertThat(email.subject())
        .isEqualTo("[Evaluation 2025] The grassroots party committee adjusted your rating");
    assertThat(email.text())
        .contains("Level after the adjustment: Well fulfilled tasks")
        .contains("Reason: Over the 20 % quota");
    assertThat(
            composer
                .inApp(NotificationKind.MEMBER_LEVEL_ADJUSTED, adjusted, Locale.ENGLISH)
                .title())
        .isEqualTo("Rating adjusted for 2025: Well fulfilled tasks");
  }

  private static Map<String, String> with(Map<String, String> params, String name, String value) {
    Map<String, String> copy = new java.util.LinkedHashMap<>(params);
    copy.put(name, value);
    return copy;
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    messages.setAlwaysUseMessageFormat(true);
    return messages;
  }

  @Test
  void inEnglishTheTaskIsNamedInEnglishAndTheLevelsAsElsewhere() {
    Map<String, String> params =
        Map.of(
            Params.YEAR, "2026",
            Params.TASK_KEY, "self-review",
            Params.TASK_NAME, "Tự kiểm điểm năm 2026: Nguyễn Văn An",
            Params.MEMBER_NAME, "Nguyễn Văn An");
    assertThat(composer.inApp(NotificationKind.TASK_ASSIGNED, params, Locale.ENGLISH).title())
        .isEqualTo("New task: Self-review – Nguyễn Văn An");
    assertThat(
            composer
                .inApp(NotificationKind.TASK_ASSIGNED, params, Locale.forLanguageTag("vi"))
                .title())
        .contains("Tự kiểm điểm");
  }
}
