package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.meeting.BranchPeople;
import vn.party.evaluation.meeting.BranchPeople.Person;
import vn.party.evaluation.pages.PageSession;

/**
 * Who chaired the branch meeting and who took its minutes (session 13's outsider, MEDIUM 1): the minutes named the
 * branch's secretary as chair, and had him sign, although the attendance listed him as absent; the clerk was always
 * the signed-in user. The meeting names both from the branch's people, refuses an absent chair, and the minutes
 * print them.
 */
class MeetingChairTest extends EvaluationFlowSupport {

  private static final int YEAR = 2027;
  private static final String BRANCH = ORG + "-cb1";
  private static final String PATH = "/api/v1/branches/" + BRANCH + "/meetings/" + YEAR;

  @Test
  void theMinutesNameTheChairAndTheClerkTheMeetingChose() throws Exception {
    launchedCampaign(YEAR);
    completeOk("member1", taskOf("member1", "self-review", "member1", YEAR), selfCriticism("GOOD"));
    sendResidenceFeedback("member1", YEAR, "Tốt");
    String review = taskOf("secretary1", "branch-review", "member1", YEAR);
    String absent = name("member3");
    Map<String, Object> meeting =
        MeetingApiTest.meeting(MeetingApiTest.entry(review, "GOOD", Map.of("GOOD", 4)));
    meeting.put("absentNames", "Đồng chí " + absent + " (ốm)");

    // the chair listed as absent: refused, in words, nothing written
    meeting.put("chairId", "member3");
    ResponseEntity<String> refused = post(meeting);
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    JsonNode problem = json(refused.getBody()).path("errors").get(0);
    assertThat(problem.path("field").asText()).isEqualTo("chairId");
    assertThat(problem.path("reason").asText()).isEqualTo("chair-absent");
    assertThat(problem.path("message").asText()).contains("Chủ trì", "vắng mặt");
    // a clerk listed as absent: refused alike (the clerk signs the minutes too), at the API and
    // on the meeting page, nothing written
    meeting.put("chairId", "member4");
    meeting.put("clerkId", "member3");
    ResponseEntity<String> absentClerk = post(meeting);
    assertThat(absentClerk.getStatusCode().value()).as(absentClerk.getBody()).isEqualTo(400);
    JsonNode clerkProblem = json(absentClerk.getBody()).path("errors").get(0);
    assertThat(clerkProblem.path("field").asText()).isEqualTo("clerkId");
    assertThat(clerkProblem.path("reason").asText()).isEqualTo("clerk-absent");
    assertThat(clerkProblem.path("message").asText())
        .isEqualTo(
            "Thư ký: đồng chí được chọn có tên trong danh sách vắng mặt; hãy chọn thư ký có mặt"
                + " tại cuộc họp.");
    PageSession secretary = PageSession.of(port, "secretary1");
    String meetingPage = "/app/meetings/" + BRANCH + "/" + YEAR;
    Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("heldOn", java.time.LocalDate.now().toString());
    form.put("place", "Hội trường khu phố 3");
    form.put("officialMembers", "5");
    form.put("exemptedMembers", "0");
    form.put("present", "4");
    form.put("absentNames", "Đồng chí " + absent + " (ốm)");
    form.put("chairId", "member4");
    form.put("clerkId", "member3");
    meetingEntry(form, review, "GOOD", Map.of("GOOD", "4"), "Ý kiến của chi bộ.");
    HttpResponse<String> onThePage =
        secretary.post(
            meetingPage, meetingForm(form, secretary.csrf(secretary.get(meetingPage).body())));
    assertThat(onThePage.statusCode()).isEqualTo(400);
    assertThat(onThePage.body())
        .contains("id=\"clerkId-error\"")
        .contains("hãy chọn thư ký có mặt tại cuộc họp");

    // someone not of the branch cannot take the minutes
    meeting.put("chairId", "member4");
    meeting.put("clerkId", "member6");
    assertThat(post(meeting).getStatusCode().value()).isEqualTo(400);

    meeting.put("clerkId", "member5");
    ResponseEntity<String> recorded = post(meeting);
    assertThat(recorded.getStatusCode().value()).as(recorded.getBody()).isEqualTo(201);

    String minutes = minutes();
    assertThat(minutes)
        .contains(
            "Vắng mặt: Đồng chí " + absent + " (ốm)",
            "Chủ trì: đồng chí " + name("member4"),
            "Thư ký: đồng chí " + name("member5"))
        .doesNotContain("Chủ trì: đồng chí " + absent);

    // the committee's decision page names the unit's assessment in full and links the minutes
    // (session 13's outsider, LOW 5)
    sendUnitAssessment("member1", YEAR, "GOOD", 92.5, "Hoàn thành tốt công việc được giao.");
    String decision = taskOf("committee", "committee-decision", "member1", YEAR);
    PageSession committee = PageSession.of(port, "committee");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                committee
                    .get("/app/tasks/" + decision)
                    .body()
                    .contains("unit-civil-service-level"));
    String page = committee.get("/app/tasks/" + decision).body();
    assertThat(page)
        .contains(
            "(người nhận xét: Thủ trưởng đơn vị)",
            "92,5%",
            "href=\"/app/documents/minutes/" + BRANCH + "/" + YEAR + ".pdf\"");
    String unit = page.substring(page.indexOf("id=\"unit-civil-service-level\""));
    assertThat(unit.substring(0, unit.indexOf("</span>"))).contains("Hoàn thành tốt nhiệm vụ");
  }

  /**
   * Two meetings of the branch in one year (fourteenth session's outsider, MEDIUM 6): the minutes carried one
   * signature block, the last meeting's; each meeting is now signed by its own clerk and chair after its part.
   */
  @Test
  void eachMeetingOfTheMinutesIsSignedByItsOwnChairAndClerk() throws Exception {
    int year = 2099;
    String path = "/api/v1/branches/" + BRANCH + "/meetings/" + year;
    launchedCampaign(year);
    for (String member : List.of("member1", "member2")) {
      completeOk(member, taskOf(member, "self-review", member, year), selfCriticism("GOOD"));
      sendResidenceFeedback(member, year, "Tốt");
    }
    Map<String, Object> first =
        MeetingApiTest.meeting(
            MeetingApiTest.entry(
                taskOf("secretary1", "branch-review", "member1", year), "GOOD", Map.of("GOOD", 4)));
    first.put("chairId", "member4");
    first.put("clerkId", "member5");
    assertThat(post(path, first).getStatusCode().value()).isEqualTo(201);
    Map<String, Object> second =
        MeetingApiTest.meeting(
            MeetingApiTest.entry(
                taskOf("secretary1", "branch-review", "member2", year), "GOOD", Map.of("GOOD", 4)));
    second.put("chairId", "member5");
    second.put("clerkId", "member4");
    assertThat(post(path, second).getStatusCode().value()).isEqualTo(201);

    String minutes = minutes(year, true);
    int secondSitting = minutes.indexOf("hiên họp thứ 2"); // sorted by position: "P hiên"
    assertThat(secondSitting).as(minutes).isPositive();
    String firstPart = minutes.substring(0, secondSitting);
    String secondPart = minutes.substring(secondSitting);
    // the first sitting's blocks: its clerk and its chair sign before the second begins
    assertThat(firstPart).contains("THƯ KÝ", "T/M CHI BỘ");
    assertThat(firstPart.substring(firstPart.lastIndexOf("THƯ KÝ")))
        .contains(name("member5"), name("member4"));
    assertThat(secondPart).contains("THƯ KÝ", "T/M CHI BỘ");
    assertThat(secondPart.substring(secondPart.lastIndexOf("THƯ KÝ")))
        .contains(name("member4"), name("member5"));
  }

  /** The absent are written in words: by the full name, or by the given name alone when it is the branch's only one. */
  @Test
  void theAttendanceNamesTheAbsentByFullOrGivenName() {
    Person an = new Person("papers13-an", "Nguyễn Văn An", true);
    Person binh = new Person("papers13-binh", "Trần Thị Bình", false);
    Person anh = new Person("papers13-anh", "Lê Văn Anh", false);
    List<Person> branch = List.of(an, binh, anh);
    assertThat(BranchPeople.listedAbsent("Đồng chí An (ốm)", an, branch)).isTrue();
    assertThat(BranchPeople.listedAbsent("đồng chí nguyễn văn an, công tác", an, branch)).isTrue();
    assertThat(BranchPeople.listedAbsent("Đồng chí Anh (ốm)", an, branch)).isFalse();
    assertThat(BranchPeople.listedAbsent("Đồng chí Ân (ốm)", an, branch)).isFalse();
    assertThat(BranchPeople.listedAbsent(null, an, branch)).isFalse();
    // two "An" in the branch: the given name alone names neither
    Person an2 = new Person("papers13-an2", "Phạm Văn An", false);
    assertThat(BranchPeople.listedAbsent("Đồng chí An (ốm)", an, List.of(an, an2))).isFalse();
  }

  private ResponseEntity<String> post(Map<String, Object> body) {
    return post(PATH, body);
  }

  private ResponseEntity<String> post(String path, Map<String, Object> body) {
    return as("secretary1")
        .post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toEntity(String.class);
  }

  private String minutes() throws Exception {
    return minutes(YEAR, false);
  }

  /** The minutes' text; {@code inReadingOrder}: as laid out on the pages (tables are drawn apart from the text). */
  private String minutes(int year, boolean inReadingOrder) throws Exception {
    HttpResponse<byte[]> file =
        PageSession.of(port, "secretary1")
            .download("/app/documents/minutes/" + BRANCH + "/" + year + ".pdf");
    assertThat(file.statusCode()).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(file.body())) {
      PDFTextStripper text = new PDFTextStripper();
      text.setSortByPosition(inReadingOrder);
      return text.getText(document).replaceAll("\\s+", " ");
    }
  }

  private String name(String memberId) {
    return jdbc.sql("select full_name from evaluation.party_member where id = :id")
        .param("id", memberId)
        .query(String.class)
        .single();
  }
}
