package vn.party.evaluation.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Mockito;
import org.springframework.context.i18n.LocaleContextHolder;
import vn.party.evaluation.TestMessages;
import vn.party.evaluation.directory.People;

/**
 * Every detail a member's timeline writes, as the auditor reads it: under a label in the reader's language and with
 * no raw code (the twelfth session's outsider, finding 11: a discipline shown as "Mẫu: REPRIMAND", a refused
 * proposal as "Mức xếp loại mới: …").
 */
class TimelineDetailWordsTest {

  private final PeoplesWords words =
      new PeoplesWords(TestMessages.messages(), people(), new PortalTime("Asia/Ho_Chi_Minh"), null);

  /** A name from outside stays as it is. */
  private static People people() {
    People people = Mockito.mock(People.class);
    Mockito.when(people.displayName(Mockito.anyString())).thenAnswer(call -> call.getArgument(0));
    return people;
  }

  @AfterEach
  void resetLocale() {
    LocaleContextHolder.resetLocaleContext();
  }

  /** The detail keys the timeline's writers put (grep details.put / Map.of beside TimelineKind), with a value each. */
  static Stream<Arguments> everyDetail() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("assessedBy", "Lãnh đạo cơ quan");
    values.put("civilServiceLevel", "NOT_COMPLETED");
    values.put("channel", "API");
    values.put("comment", "Gương mẫu");
    values.put("complaintWindowEnd", "2026-12-30T17:00:00+07:00");
    values.put("deadline", "2026-12-20T10:00:00Z");
    values.put("decidedLevel", "GOOD");
    values.put("decidedOn", "2026-11-02");
    values.put("decisionComment", "Đồng ý");
    values.put("decisionId", "QD-1");
    values.put("derivedLevel", "EXCELLENT");
    values.put("disciplineDecisionId", "QD-2");
    values.put("dueDate", "2026-12-20T17:00:00+07:00");
    values.put("evaluationStarted", true);
    values.put("excellent", 3);
    values.put("excellentAllowed", 2);
    values.put("fromLevel", "GOOD");
    values.put("good", 4);
    values.put("grounds", "Không đúng");
    values.put("heldOn", "2026-12-12");
    values.put("levelCap", "COMPLETED");
    values.put("levelChanged", true);
    values.put("movedOn", "2026-12-01");
    values.put("movement", "TRANSFER");
    values.put("movementReason", "Giấy giới thiệu 12");
    values.put("movementRule", "KEEP_FORM");
    values.put("originalLevel", "GOOD");
    values.put("place", "Hội trường");
    values.put("present", "5/5");
    values.put("reappraisalComment", "Giữ nguyên");
    values.put("reappraisalStarted", true);
    values.put("reappraisedLevel", "COMPLETED");
    values.put("reason", "Lý do");
    values.put("reratedLevel", "COMPLETED");
    values.put("reratingComment", "Xếp lại");
    values.put("selfDetectedAndRemedied", false);
    values.put("submittedBy", "Chi ủy khu dân cư 1");
    values.put("tasksCompletedPercent", 90);
    values.put("toLevel", "COMPLETED");
    values.put("totalPoints", 95.5);
    values.put("type", "vn.party.member.disciplined");
    values.put("unitLevel", "GOOD");
    values.put("version", 2);
    values.put("form", "REPRIMAND");
    return Stream.of("vi", "en")
        .flatMap(
            lang ->
                values.entrySet().stream().map(e -> Arguments.of(lang, e.getKey(), e.getValue())));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("everyDetail")
  void everyDetailHasALabelAndNoRawCode(String lang, String key, Object value) {
    LocaleContextHolder.setLocale(Locale.forLanguageTag(lang));

    List<PeoplesWords.Detail> shown = words.details(Map.of(key, value));

    assertThat(shown).as(key + " is shown").hasSize(1);
    assertThat(shown.get(0).label()).isNotBlank().isNotEqualTo(key).doesNotContain(".");
    assertThat(shown.get(0).value()).doesNotMatch(".*\\b[A-Z][A-Z_]{2,}\\b.*");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("disciplineForms")
  void aDisciplineReadsAsItsFormByName(String lang, String form, String label, String name) {
    LocaleContextHolder.setLocale(Locale.forLanguageTag(lang));

    assertThat(words.details(Map.of("decisionId", "QD-1", "form", form)))
        .contains(new PeoplesWords.Detail(label, name));
  }

  static Stream<Arguments> disciplineForms() {
    return Stream.of(
        Arguments.of("vi", "REPRIMAND", "Hình thức", "Khiển trách"),
        Arguments.of("vi", "WARNING", "Hình thức", "Cảnh cáo"),
        Arguments.of("vi", "DISMISSAL", "Hình thức", "Cách chức"),
        Arguments.of("vi", "EXPULSION", "Hình thức", "Khai trừ"),
        Arguments.of("vi", "DISSOLUTION", "Hình thức", "Giải tán"),
        Arguments.of("en", "REPRIMAND", "Form", "Reprimand"),
        Arguments.of("en", "WARNING", "Form", "Warning"),
        Arguments.of("en", "DISMISSAL", "Form", "Dismissal from office"),
        Arguments.of("en", "EXPULSION", "Form", "Expulsion"),
        Arguments.of("en", "DISSOLUTION", "Form", "Dissolution"));
  }

  /**
   * A complaint's channel (how it arrived: on this system, or received from another) has its own label, not the
   * discipline's "Hình thức" (twelfth session's outsider, LOW 14's list of labels).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("complaintChannels")
  void aComplaintsChannelIsNotLabelledAsADisciplinesForm(String lang, String label, String value) {
    LocaleContextHolder.setLocale(Locale.forLanguageTag(lang));

    assertThat(words.details(Map.of("channel", "EVENT")))
        .containsExactly(new PeoplesWords.Detail(label, value));
  }

  static Stream<Arguments> complaintChannels() {
    return Stream.of(
        Arguments.of("vi", "Kênh tiếp nhận khiếu nại", "Nhận từ hệ thống khác"),
        Arguments.of("en", "Complaint received through", "Received from another system"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("selfReviewForms")
  void aSelfReviewKeepsItsOfficialForm(String lang, String label) {
    LocaleContextHolder.setLocale(Locale.forLanguageTag(lang));

    assertThat(words.details(Map.of("version", 1, "form", "02A")))
        .contains(new PeoplesWords.Detail(label, "02A"));
  }

  static Stream<Arguments> selfReviewForms() {
    return Stream.of(Arguments.of("vi", "Mẫu"), Arguments.of("en", "Form"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedProposals")
  void aRefusedProposalIsNotReadAsALevelSet(String lang, String label, String level) {
    LocaleContextHolder.setLocale(Locale.forLanguageTag(lang));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("field", "proposedLevel");
    details.put("level", "GOOD");
    details.put("levelCap", "COMPLETED");

    assertThat(words.details(details)).contains(new PeoplesWords.Detail(label, level));
  }

  static Stream<Arguments> refusedProposals() {
    return Stream.of(
        Arguments.of("vi", "Mức đề xuất (không được chấp nhận)", "Hoàn thành tốt nhiệm vụ"),
        Arguments.of("en", "Level proposed (not accepted)", "Well fulfilled tasks"));
  }
}
