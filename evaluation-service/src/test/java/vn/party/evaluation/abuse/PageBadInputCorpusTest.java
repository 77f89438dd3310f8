package vn.party.evaluation.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.pages.PageSession;

/**
 * Issue 5, "bad input tried", for the write endpoints of the people's pages: the task form (save a draft, submit),
 * claim, the branch meeting, opening a campaign, the notification preferences and marking a notification read. Each case must be answered 4xx with the field marked on the page (or refused
 * outright), never 5xx, and must leave nothing behind: drafts, meetings, open tasks and the timeline of the year are
 * compared before and after. Figures go to target/figures like {@link BadInputCorpusTest}'s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageBadInputCorpusTest extends EvaluationFlowSupport {

  private static final int YEAR = 2078;
  private static final String BRANCH = ORG + "-cb1";

  private static final List<String> BAD_LEVELS =
      List.of(
          "SUPER",
          "good",
          " GOOD",
          "GOOD ",
          "HTXSNV",
          "Hoàn thành tốt nhiệm vụ",
          "EXCELLENT,GOOD",
          "ＧＯＯＤ",
          "null",
          "<script>alert(1)</script>",
          "' OR '1'='1",
          "${7*7}",
          "1; DELETE FROM evaluation.campaign");
  private static final List<String> CONTROL =
      List.of("\u0000", "\u0001", "\u0007", "\b", "\u000B", "\f", "\u001B", "\u007F");
  private static final List<String> BAD_NUMBERS =
      List.of("abc", "1.5", "-", "1e3", "９", "0x10", "99999999999", "<script>");
  private static final List<String> BAD_DATES =
      // dates are typed dd/mm/yyyy (web.PageDates): month first, or a day the month lacks, is
      // refused
      List.of(
          "11/27/2026",
          "31/02/2026",
          "2026-13-01",
          "2026-02-30",
          "tomorrow",
          "2026-11-27T10:00",
          "<script>");

  private PageSession member1;
  private PageSession secretary1;
  private PageSession committee;
  private String selfReview;
  private String branchReview;
  private final BadInputTally tally = new BadInputTally();

  @BeforeAll
  void prepare() throws Exception {
    launchedCampaign(YEAR);
    selfReview = taskOf("member1", "self-review", "member1", YEAR);
    completeOk("member2", taskOf("member2", "self-review", "member2", YEAR), selfCriticism("GOOD"));
    sendResidenceFeedback("member2", YEAR, "Tốt");
    branchReview = taskOf("secretary1", "branch-review", "member2", YEAR);
    member1 = PageSession.of(port, "member1");
    secretary1 = PageSession.of(port, "secretary1");
    committee = PageSession.of(port, "committee");
  }

  private record Case(
      String name,
      PageSession session,
      String path,
      Map<String, String> form,
      boolean csrf,
      String markedField) {}

  @TestFactory
  Stream<DynamicTest> everyBadPageInputIsRefusedWithTheFieldMarkedAndNothingWritten() {
    List<Case> cases = new ArrayList<>();
    String task = "/app/tasks/";
    for (String action : List.of("draft", "submit")) {
      for (String level : BAD_LEVELS) {
        cases.add(
            new Case(
                action + ": level " + level,
                member1(),
                task + selfReview,
                form("action", action, "selfProposedLevel", level),
                true,
                "selfProposedLevel"));
      }
      for (String control : CONTROL) {
        cases.add(
            new Case(
                action + ": control character U+" + String.format("%04X", (int) control.charAt(0)),
                member1(),
                task + selfReview,
                form(
                    "action",
                    action,
                    "selfProposedLevel",
                    "GOOD",
                    "strengths",
                    "Ưu điểm" + control + "x"),
                true,
                "strengths"));
      }
      // Mẫu 02A under 366 (member1 holds no leadership post): grades, points and items of another
      // form
      cases.add(
          new Case(
              action + ": a grade that is not a grade",
              member1(),
              task + selfReview,
              form("action", action, "selfProposedLevel", "GOOD", "workStyleGrade", "Tốt"),
              true,
              "workStyleGrade"));
      cases.add(
          new Case(
              action + ": points as text",
              member1(),
              task + selfReview,
              form("action", action, "selfProposedLevel", "GOOD", "workStylePoints", "năm"),
              true,
              "workStylePoints"));
      cases.add(
          new Case(
              action + ": points above the group maximum",
              member1(),
              task + selfReview,
              form("action", action, "selfProposedLevel", "GOOD", "workStylePoints", "31"),
              true,
              "workStylePoints"));
      cases.add(
          new Case(
              action + ": exceeding share 150 %",
              member1(),
              task + selfReview,
              form("action", action, "selfProposedLevel", "GOOD", "exceedingTasksPercent", "150"),
              true,
              "exceedingTasksPercent"));
      cases.add(
          new Case(
              action + ": a criterion text of 20,001 characters",
              member1(),
              task + selfReview,
              form(
                  "action",
                  action,
                  "selfProposedLevel",
                  "GOOD",
                  "dutiesResults",
                  "x".repeat(20_001)),
              true,
              "dutiesResults"));
      cases.add(
          new Case(
              action + ": text of 4001 characters",
              member1(),
              task + selfReview,
              form("action", action, "selfProposedLevel", "GOOD", "limitations", "x".repeat(4001)),
              true,
              "limitations"));
    }
    cases.add(
        new Case(
            "submit: no level",
            member1(),
            task + selfReview,
            form("action", "submit"),
            true,
            "selfProposedLevel"));
    for (String wrong : List.of("nope", "0", "..", "%3Cscript%3E", "x".repeat(300), branchReview)) {
      cases.add(
          new Case(
              "task id " + wrong.substring(0, Math.min(20, wrong.length())),
              member1(),
              task + wrong,
              form("action", "submit", "selfProposedLevel", "GOOD"),
              true,
              null));
    }
    cases.add(
        new Case(
            "claim another's task", member1(), task + branchReview + "/claim", form(), true, null));
    cases.add(
        new Case(
            "draft without the CSRF token",
            member1(),
            task + selfReview,
            form("action", "draft", "selfProposedLevel", "GOOD"),
            false,
            null));

    String meeting = "/app/meetings/" + BRANCH + "/" + YEAR;
    for (String date : BAD_DATES) {
      cases.add(meetingCase("meeting date " + date, Map.of("heldOn", date), "heldOn"));
    }
    cases.add(
        meetingCase(
            "meeting date in a later year",
            Map.of("heldOn", LocalDate.now().plusYears(1).toString()),
            "heldOn"));
    cases.add(meetingCase("meeting date missing", Map.of("heldOn", ""), "heldOn"));
    cases.add(meetingCase("place missing", Map.of("place", " "), "place"));
    cases.add(meetingCase("place of 301 characters", Map.of("place", "x".repeat(301)), "place"));
    for (String number : BAD_NUMBERS) {
      cases.add(
          meetingCase(
              "official members " + number, Map.of("officialMembers", number), "officialMembers"));
      cases.add(meetingCase("present " + number, Map.of("present", number), "present"));
      cases.add(
          meetingCase(
              "votes " + number,
              Map.of("votesGOOD_" + branchReview, number),
              "entries[" + branchReview + "].votesGOOD"));
    }
    for (String range : List.of("0", "-1", "1001")) {
      cases.add(
          meetingCase(
              "official members " + range, Map.of("officialMembers", range), "officialMembers"));
    }
    cases.add(
        meetingCase(
            "more exempted than members", Map.of("exemptedMembers", "6"), "exemptedMembers"));
    cases.add(meetingCase("more present than members", Map.of("present", "6"), "present"));
    cases.add(
        meetingCase(
            "more votes than members entitled to vote",
            Map.of("exemptedMembers", "2", "votesGOOD_" + branchReview, "4"),
            "entries[" + branchReview + "].votes"));
    cases.add(
        meetingCase(
            "everyone exempted",
            Map.of("exemptedMembers", "5", "votesGOOD_" + branchReview, "0"),
            "exemptedMembers"));
    cases.add(
        meetingCase(
            "more votes than present",
            Map.of("votesGOOD_" + branchReview, "5", "votesCOMPLETED_" + branchReview, "1"),
            "entries[" + branchReview + "].votes"));
    cases.add(
        meetingCase(
            "GOOD without a majority",
            Map.of("votesGOOD_" + branchReview, "2"),
            "entries[" + branchReview + "].branchProposedLevel"));
    for (String level : BAD_LEVELS) {
      cases.add(
          meetingCase(
              "proposal " + level,
              Map.of("level_" + branchReview, level),
              "entries[" + branchReview + "].branchProposedLevel"));
    }
    cases.add(
        meetingCase(
            "criticism with U+0000",
            Map.of("criticism_" + branchReview, "phê bình\u0000"),
            "entries[" + branchReview + "].criticism"));
    cases.add(
        meetingCase("an unknown member's task", Map.of("taskId", "nope"), "entries[nope].taskId"));
    cases.add(meetingCase("nobody proposed", Map.of("level_" + branchReview, ""), "entries"));
    cases.add(
        new Case(
            "another branch's meeting",
            secretary1(),
            "/app/meetings/" + ORG + "-cb2/" + YEAR,
            validMeeting(),
            true,
            null));

    campaignCases(cases);
    for (String channel : List.of("", "SMS", "email", " EMAIL", "IN_APP ", "true", "EMAIL\u0000")) {
      cases.add(
          new Case(
              "preferences: channel '" + channel + "'",
              member1(),
              "/app/notifications/preferences",
              form("channel", channel),
              true,
              "channel"));
    }
    cases.add(
        new Case(
            "preferences: no channel",
            member1(),
            "/app/notifications/preferences",
            form(),
            true,
            "channel"));
    cases.add(
        new Case(
            "preferences without the CSRF token",
            member1(),
            "/app/notifications/preferences",
            form("channel", "IN_APP"),
            false,
            null));
    for (String wrong :
        List.of("nope", "1", "%3Cscript%3E", "00000000-0000-0000-0000-00000000000g")) {
      cases.add(
          new Case(
              "mark read: id " + wrong,
              member1(),
              "/app/notifications/" + wrong + "/read",
              form(),
              true,
              null));
    }
    cases.add(
        new Case(
            "mark all read without the CSRF token",
            member1(),
            "/app/notifications/read-all",
            form(),
            false,
            null));
    // level adjustments on the finalization page: the form is checked before anything else
    String adjust = "/app/campaigns/" + ORG + "/" + YEAR + "/finalization/adjustments";
    for (String level : List.of("SUPER", "good", "<script>alert(1)</script>", "' OR '1'='1")) {
      cases.add(
          new Case(
              "adjust: level " + level,
              committee,
              adjust,
              form("memberId", "member1", "level", level, "reason", "Vượt tỷ lệ."),
              true,
              "level"));
    }
    cases.add(
        new Case(
            "adjust: no level",
            committee,
            adjust,
            form("memberId", "member1", "reason", "Vượt tỷ lệ."),
            true,
            "level"));
    cases.add(
        new Case(
            "adjust: blank reason",
            committee,
            adjust,
            form("memberId", "member1", "level", "GOOD", "reason", "  "),
            true,
            "reason"));
    cases.add(
        new Case(
            "adjust: reason of 4001 characters",
            committee,
            adjust,
            form("memberId", "member1", "level", "GOOD", "reason", "x".repeat(4001)),
            true,
            "reason"));
    cases.add(
        new Case(
            "adjust: reason with U+0007",
            committee,
            adjust,
            form("memberId", "member1", "level", "GOOD", "reason", "lý do\u0007"),
            true,
            "reason"));
    cases.add(
        new Case(
            "adjust: a member of no evaluation here",
            committee,
            adjust,
            form("memberId", "nobody", "level", "GOOD", "reason", "Vượt tỷ lệ."),
            true,
            "memberId"));
    cases.add(
        new Case(
            "adjust: no member",
            committee,
            adjust,
            form("level", "GOOD", "reason", "Vượt tỷ lệ."),
            true,
            "memberId"));
    cases.add(
        new Case(
            "adjust without the CSRF token",
            committee,
            adjust,
            form("memberId", "member1", "level", "GOOD", "reason", "Vượt tỷ lệ."),
            false,
            null));
    cases.add(
        new Case(
            "adjust as a member",
            member1(),
            adjust,
            form("memberId", "member1", "level", "EXCELLENT", "reason", "Tự nâng."),
            true,
            null));

    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
  }

  /** The campaign form: every field broken in turn, the rest valid (a campaign of a year no other case opens). */
  private void campaignCases(List<Case> cases) {
    for (String year :
        List.of("", "abc", "２０４２", "2017", "2101", "20 42", "99999999999", "-2042")) {
      cases.add(campaignCase("year " + year, Map.of("year", year), "year"));
    }
    for (String regulation :
        List.of(
            "", "QD-999-2030", " QD-366-2025", "qd-366-2025", "<script>", "QD-366-2025\u0000")) {
      cases.add(
          campaignCase("regulation " + regulation, Map.of("regulation", regulation), "regulation"));
    }
    for (String field :
        List.of("selfReviewDue", "residenceFeedbackDue", "branchReviewDue", "decisionDue")) {
      for (String due :
          List.of(
              "",
              "11/27/2042 10:00",
              "31/02/2042 10:00",
              "2042-13-01T10:00",
              "2042-02-30T10:00",
              "tomorrow",
              "2042-12-10",
              "2042-12-10T25:00")) {
        cases.add(campaignCase(field + " " + due, Map.of(field, due), field));
      }
    }
    cases.add(
        campaignCase(
            "residence comment due before the self-review",
            Map.of("residenceFeedbackDue", "2040-12-01T17:00"),
            "residenceFeedbackDue"));
    cases.add(
        campaignCase(
            "decision due before the branch review",
            Map.of("decisionDue", "2040-12-15T17:00"),
            "decisionDue"));
    cases.add(
        new Case(
            "campaign: by a member", member1(), "/app/campaigns/new", validCampaign(), true, null));
    cases.add(
        new Case(
            "campaign: by a branch committee",
            secretary1(),
            "/app/campaigns/new",
            validCampaign(),
            true,
            null));
    cases.add(
        new Case(
            "campaign: without the CSRF token",
            committee,
            "/app/campaigns/new",
            validCampaign(),
            false,
            null));
  }

  private Case campaignCase(String name, Map<String, String> change, String field) {
    Map<String, String> form = validCampaign();
    form.putAll(change);
    return new Case("campaign: " + name, committee, "/app/campaigns/new", form, true, field);
  }

  /** A campaign the page would open (the year of this class, already open: a valid form would be 409, not 302). */
  private Map<String, String> validCampaign() {
    return form(
        "organizationId",
        ORG,
        "year",
        String.valueOf(YEAR),
        "regulation",
        "QD-366-2025",
        "selfReviewDue",
        "2040-12-10T17:00",
        "residenceFeedbackDue",
        "2040-12-12T17:00",
        "branchReviewDue",
        "2040-12-20T17:00",
        "decisionDue",
        "2040-12-28T17:00");
  }

  private PageSession member1() {
    return member1;
  }

  private PageSession secretary1() {
    return secretary1;
  }

  private Case meetingCase(String name, Map<String, String> change, String field) {
    Map<String, String> form = validMeeting();
    form.putAll(change);
    return new Case(
        "meeting: " + name,
        secretary1(),
        "/app/meetings/" + BRANCH + "/" + YEAR,
        form,
        true,
        field);
  }

  /** A meeting that would be recorded: member2 proposed GOOD by 4 of 5. */
  private Map<String, String> validMeeting() {
    return form(
        "heldOn",
        LocalDate.now().toString(),
        "place",
        "Nhà văn hóa",
        "officialMembers",
        "5",
        "exemptedMembers",
        "0",
        "present",
        "5",
        "taskId",
        branchReview,
        "votesGOOD_" + branchReview,
        "4",
        "level_" + branchReview,
        "GOOD",
        "criticism_" + branchReview,
        "Tốt");
  }

  private void run(Case c) throws Exception {
    String before = snapshot();
    String body =
        c.form().entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    if (c.csrf()) {
      String page =
          c.session()
              .get(
                  c.path().endsWith("/claim")
                          || !c.path().startsWith("/app/tasks/")
                              && !c.path().startsWith("/app/meetings/")
                      ? "/app/tasks"
                      : c.path().startsWith("/app/tasks/")
                          ? "/app/tasks/" + selfReview
                          : "/app/meetings/" + BRANCH + "/" + YEAR)
              .body();
      body =
          body
              + (body.isEmpty() ? "" : "&")
              + "_csrf="
              + URLEncoder.encode(c.session().csrf(page), StandardCharsets.UTF_8);
    }
    HttpResponse<String> response = c.session().post(c.path(), body);
    int status = response.statusCode();
    boolean named =
        c.markedField() == null
            || response.body().contains("id=\"" + c.markedField() + "-error\"")
            || response.body().contains("data-field=\"" + c.markedField() + "\"");
    String after = snapshot();
    tally.answered(status, !before.equals(after), named);
    assertThat(status).as(c.name()).isBetween(400, 499);
    assertThat(named).as(c.name() + ": the page marks " + c.markedField()).isTrue();
    if (c.markedField() != null && c.markedField().startsWith("entries[")) {
      // a member's line in the meeting's summary says whose line it is, in words (outsider's
      // finding: "Trường votesGOOD …" five times, naming nobody)
      String summary =
          response.body().substring(Math.max(0, response.body().indexOf("id=\"form-errors\"")));
      assertThat(summary).as(c.name()).doesNotContainPattern("Trường (votes|entries)");
      assertThat(summary.substring(0, Math.min(summary.length(), 4000)))
          .as(c.name() + ": the member is named")
          .containsPattern("\\([^)]+\\)");
    }
    assertThat(after).as(c.name() + ": nothing written").isEqualTo(before);
  }

  /** Everything a page post could touch for this year: drafts, meetings, open tasks, evaluations, timeline. */
  private String snapshot() {
    return jdbc.sql(
            """
        select (select count(*) from evaluation.task_draft where year = :y)
          || '/' || (select coalesce(string_agg(draft::text, ',' order by task_id), '') from evaluation.task_draft
                     where year = :y)
          || '/' || (select count(*) from evaluation.branch_meeting where year = :y)
          || '/' || (select count(*) from evaluation.timeline_entry where year = :y)
          || '/' || (select count(*) from evaluation.level_adjustment where year = :y)
          || '/' || (select coalesce(string_agg(status || coalesce(branch_proposed_level, ''), ',' order by member_id), '')
                     from evaluation.member_evaluation where year = :y)
          || '/' || (select count(*) from act_ru_task t join act_hi_procinst p on p.id_ = t.proc_inst_id_
                     where p.business_key_ like :key)
          || '/' || (select count(*) from act_ru_task t join act_hi_procinst p on p.id_ = t.proc_inst_id_
                     where p.business_key_ like :key and t.assignee_ is not null)
          || '/' || (select count(*) from evaluation.campaign)""")
        .param("y", YEAR)
        .param("key", YEAR + ":%")
        .query(String.class)
        .single();
  }

  private static Map<String, String> form(String... pairs) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      form.put(pairs[i], pairs[i + 1]);
    }
    return form;
  }

  @AfterAll
  void figures() {
    Figures.write(getClass(), tally.figures());
  }
}
