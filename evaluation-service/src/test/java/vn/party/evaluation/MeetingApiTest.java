package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The branch meeting through the API: the agenda, then the minutes with each member's votes and proposal, checked
 * whole (unknown fields, counts, levels, the vote rule) before anything is written; recorded, it completes the
 * members' branch reviews with their tallies, as the meeting page does (BranchMeetingTest).
 */
class MeetingApiTest extends EvaluationFlowSupport {

  private static final int YEAR = 2059;
  private static final String BRANCH = ORG + "-cb1";
  private static final String PATH = "/api/v1/branches/" + BRANCH + "/meetings/" + YEAR;

  @Test
  void aBranchRecordsItsMeetingThroughTheApi() {
    launchedCampaign(YEAR);
    for (String member : List.of("member1", "member2")) {
      completeOk(member, taskOf(member, "self-review", member, YEAR), selfCriticism("EXCELLENT"));
      sendResidenceFeedback(member, YEAR, "Tốt");
    }
    String review1 = taskOf("secretary1", "branch-review", "member1", YEAR);
    String review2 = taskOf("secretary1", "branch-review", "member2", YEAR);

    // the agenda: the branch's own committee only
    JsonNode agenda =
        json(as("secretary1").get().uri(PATH + "/agenda").retrieve().body(String.class));
    assertThat(agenda.findValuesAsText("taskId")).contains(review1, review2);
    assertThat(agenda.findValuesAsText("memberId")).contains("member1", "member2");
    assertThat(
            as("secretary2")
                .get()
                .uri(PATH + "/agenda")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            as("auditor")
                .get()
                .uri(PATH + "/agenda")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(403);

    // a misspelt field, a fraction of a vote, an unknown level: all named, nothing written
    Map<String, Object> sloppy = meeting(entry(review1, "EXCELLENT", Map.of("EXCELLENT", 2.5)));
    sloppy.put("palce", "Hội trường");
    sloppy.put("heldOn", "hôm qua");
    ((Map<String, Object>) ((List<?>) sloppy.get("entries")).get(0)).put("proposedlevel", "GOOD");
    // a second value of the wrong type is named too (fourteenth session's outsider, MEDIUM 7)
    ((Map<String, Object>) ((List<?>) sloppy.get("entries")).get(0)).put("criticism", 5);
    sloppy.put(
        "entries",
        List.of(
            ((List<?>) sloppy.get("entries")).get(0), entry(review2, "BEST", Map.of("BEST", 1))));
    JsonNode refused = problems(post("secretary1", sloppy), 400);
    assertThat(refused.findValuesAsText("field"))
        .contains(
            "palce",
            "heldOn",
            "entries[" + review1 + "].proposedlevel",
            "entries[" + review1 + "].votes.EXCELLENT",
            "entries[" + review1 + "].criticism",
            "entries[" + review2 + "].proposedLevel",
            "entries[" + review2 + "].votes.BEST");
    assertThat(refused.findValuesAsText("reason"))
        .contains("unknown-field", "invalid-format", "wrong-type", "not-a-count", "invalid-level");
    // what a person reads is a sentence: the member by name, the field by its label, no path and
    // no task id (tenth session's outsider, LOW 9); the field keeps the path for API clients
    String member1 = nameOnAgenda(agenda, review1);
    assertThat(refused.path("errors").findValuesAsText("message"))
        .isNotEmpty()
        .allSatisfy(
            message -> assertThat(message).doesNotContain("entries[", review1, review2, "taskId"));
    assertThat(String.join(" ", refused.path("errors").findValuesAsText("message")))
        .contains("Số phiếu: Hoàn thành xuất sắc nhiệm vụ (" + member1 + ")");
    // a meeting's own bounds said, not only "out of range" / "too long" (fourteenth session's
    // outsider, LOW 14)
    Map<String, Object> outOfBounds = meeting(entry(review1, "GOOD", Map.of("GOOD", 4)));
    outOfBounds.put("heldOn", LocalDate.now().plusDays(3).toString());
    outOfBounds.put("place", "x".repeat(301));
    outOfBounds.put("present", 6);
    assertThat(
            String.join(
                " ", problems(post("secretary1", outOfBounds), 400).findValuesAsText("message")))
        .contains("nằm ngoài khoảng cho phép: muộn nhất là ngày mai")
        .contains("quá dài: tối đa 300 ký tự")
        .contains("phải từ 0 đến 5");
    // an unknown level: the levels listed by their names, not their codes (twelfth session's
    // outsider, LOW 9)
    assertThat(String.join(" ", refused.path("errors").findValuesAsText("message")))
        .contains(
            "phải là một trong các mức: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ,"
                + " Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ.")
        .doesNotContain("EXCELLENT, GOOD");
    JsonNode notOnAgenda =
        problems(
            post("secretary1", meeting(entry("khong-co-viec-nay", "GOOD", Map.of("GOOD", 4)))),
            400);
    assertThat(notOnAgenda.at("/errors/0/field").asText())
        .isEqualTo("entries[khong-co-viec-nay].taskId");
    assertThat(notOnAgenda.at("/errors/0/message").asText())
        .contains("không thuộc đảng viên nào chi bộ đang họp xét")
        .doesNotContain("khong-co-viec-nay", "taskId", "entries[");
    assertThat(meetings()).isZero();

    // EXCELLENT with two of five votes: short of two thirds, with the figures
    JsonNode shortVote =
        problems(
            post(
                "secretary1",
                meeting(entry(review1, "EXCELLENT", Map.of("EXCELLENT", 2, "GOOD", 2)))),
            400);
    // named as the request sent it (fourteenth session's outsider, MEDIUM 8)
    assertThat(shortVote.at("/errors/0/field").asText())
        .isEqualTo("entries[" + review1 + "].proposedLevel");
    assertThat(shortVote.at("/errors/0/reason").asText()).isEqualTo("vote-not-supported");
    assertThat(shortVote.at("/errors/0/message").asText())
        .startsWith("Đảng viên " + member1 + ": ")
        .contains("2/5")
        .contains(">=2/3")
        .doesNotContain(review1);
    assertThat(meetings()).isZero();

    // another branch's committee and the auditor cannot record it
    Map<String, Object> valid =
        meeting(
            entry(review1, "EXCELLENT", Map.of("EXCELLENT", 4)),
            entry(review2, "GOOD", Map.of("GOOD", 3, "COMPLETED", 1)));
    assertThat(post("secretary2", valid).getStatusCode().value()).isEqualTo(403);
    assertThat(post("auditor", valid).getStatusCode().value()).isEqualTo(403);

    ResponseEntity<String> recorded = post("secretary1", valid);
    assertThat(recorded.getStatusCode().value()).as(recorded.getBody()).isEqualTo(201);
    assertThat(json(recorded.getBody()).get("completedTasks"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(review1, review2);
    assertThat(meetings()).isEqualTo(1);
    assertThat(evaluation("secretary1", YEAR, "member1").at("/branchReview/level").asText())
        .isEqualTo("EXCELLENT");
    assertThat(evaluation("secretary1", YEAR, "member2").at("/branchReview/level").asText())
        .isEqualTo("GOOD");
    assertThat(
            jdbc.sql(
                    "select count(*) from evaluation.timeline_entry where year = :y and member_id = 'member2' "
                        + "and kind = 'TASK_COMPLETED' and task_key = 'branch-review' and details->>'eligibleVoters' = '5' "
                        + "and details->>'votesGood' = '3'")
                .param("y", YEAR)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  /** The member's name on the agenda, by their branch review's task id. */
  private static String nameOnAgenda(JsonNode agenda, String taskId) {
    for (JsonNode item : agenda) {
      if (item.path("taskId").asText().equals(taskId)) {
        return item.path("memberName").asText();
      }
    }
    throw new AssertionError("not on the agenda: " + taskId);
  }

  @SafeVarargs
  static Map<String, Object> meeting(Map<String, Object>... entries) {
    Map<String, Object> meeting = new LinkedHashMap<>();
    meeting.put("heldOn", LocalDate.now().toString());
    meeting.put("place", "Hội trường khu phố 3");
    meeting.put("officialMembers", 5);
    meeting.put("exemptedMembers", 0);
    meeting.put("present", 4);
    meeting.put("absentNames", "Trần Văn C (công tác)");
    meeting.put("entries", List.of(entries));
    return meeting;
  }

  static Map<String, Object> entry(String taskId, String level, Map<String, ?> votes) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("taskId", taskId);
    entry.put("criticism", "Ý kiến của chi bộ.");
    entry.put("votes", votes);
    entry.put("proposedLevel", level);
    return entry;
  }

  private ResponseEntity<String> post(String user, Map<String, Object> body) {
    return as(user)
        .post()
        .uri(PATH)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toEntity(String.class);
  }

  private static JsonNode problems(ResponseEntity<String> response, int status) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    return json(response.getBody());
  }

  private int meetings() {
    return jdbc.sql("select count(*) from evaluation.branch_meeting where year = :y")
        .param("y", YEAR)
        .query(Integer.class)
        .single();
  }
}
