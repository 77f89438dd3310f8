package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.pages.PageSession;

/**
 * Issue 3, step 5 of the domain notes: once every member is decided the results are announced, a complaint window
 * opens, and a complaint received in it (by the API, the member's page or a Kafka event) sends the case to
 * re-appraisal by the committee above (user {@code district}); the campaign completes only after the window has
 * closed and every re-appraisal is decided. The original decision stays beside the re-appraisal.
 */
class ComplaintWindowTest extends EvaluationFlowSupport {

  private static final int YEAR = 2033;

  @Test
  void aComplaintInTheWindowIsReappraisedByTheCommitteeAboveBeforeTheCampaignCompletes()
      throws Exception {
    String campaignId = launchedCampaign(YEAR);

    // before the announcement: refused by the API, kept as unmatched from Kafka
    ResponseEntity<String> early = complain("member1", "member1", "Chưa đồng ý.");
    assertThat(early.getStatusCode().value()).as(early.getBody()).isEqualTo(409);
    assertThat(early.getBody()).contains(String.valueOf(YEAR));
    CloudEvent tooEarly = complaintEvent("member5", "Phản ánh sớm.");
    send("member5", structured(tooEarly));
    CloudEvent unknown = complaintEvent("no-such-member", "Không rõ người.");
    send("no-such-member", structured(unknown));
    awaitUnmatched(tooEarly, "NOT_ANNOUNCED");
    awaitUnmatched(unknown, "UNKNOWN_MEMBER");

    decideAllMembers(YEAR, n -> "GOOD");
    rateCollectives(YEAR, "GOOD");
    finalizeResults(YEAR); // all GOOD: within the quota

    // the announcement: one event per member, with the level, the window's end and the link to the
    // record
    await().atMost(Duration.ofSeconds(60)).until(() -> announced().size() == 15);
    JsonNode announcement =
        announced().stream()
            .filter(e -> e.at("/data/memberId").asText().equals("member1"))
            .findFirst()
            .orElseThrow();
    assertThat(announcement.at("/data/decidedLevel").asText()).isEqualTo("GOOD");
    assertThat(announcement.at("/data/evaluationUrl").asText())
        .endsWith("/app/evaluations/" + YEAR + "/member1");
    assertThat(announcement.at("/data/recipients/0/email").asText())
        .isEqualTo("member1@thanhkhetay.example.vn");
    OffsetDateTime windowEnd =
        OffsetDateTime.parse(announcement.at("/data/complaintWindowEnd").asText());
    assertThat(windowEnd)
        .isBetween(OffsetDateTime.now().plusDays(14), OffsetDateTime.now().plusDays(16));
    assertThat(kinds("member1")).containsSubsequence("DECIDED", "RESULT_ANNOUNCED");

    // only the member complains through the API, and with grounds
    assertThat(complain("member2", "member1", "Thay mặt.").getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> blank = complain("member1", "member1", "  ");
    assertThat(blank.getStatusCode().value()).isEqualTo(400);
    assertThat(json(blank.getBody()).at("/errors/0/field").asText()).isEqualTo("grounds");

    ResponseEntity<String> accepted =
        complain("member1", "member1", "Chi bộ chưa xét đến kết quả công tác quý IV.");
    assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(201);
    assertThat(json(accepted.getBody()).get("reappraisalStarted").asBoolean()).isTrue();
    assertThat(OffsetDateTime.parse(json(accepted.getBody()).get("complaintWindowEnd").asText()))
        .isEqualTo(windowEnd);

    // the same case by Kafka (a denunciation from elsewhere) is attached; a redelivery changes
    // nothing
    CloudEvent denunciation = complaintEvent("member1", "Đơn phản ánh của quần chúng nơi cư trú.");
    send("member1", structured(denunciation));
    send("member1", structured(denunciation));
    CloudEvent member2 = complaintEvent("member2", "Đề nghị xem xét lại.");
    send("member2", structured(member2));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> complaints("member1") == 2 && complaints("member2") == 1);
    Thread.sleep(1500); // a redelivery, were it taken, would have landed by now
    assertThat(complaints("member1")).isEqualTo(2);
    assertThat(
            jdbc.sql("select count(*) from evaluation.reappraisal where year = :y")
                .param("y", YEAR)
                .query(Integer.class)
                .single())
        .isEqualTo(2);

    // the member's page: the complaint form while the window is open (the same rules as the API)
    PageSession member5 = PageSession.of(port, "member5");
    String page = member5.get("/app/evaluations/" + YEAR + "/member5").body();
    assertThat(page).contains("id=\"complaint-form\"");
    var posted =
        member5.post(
            "/app/evaluations/" + YEAR + "/member5/complaints",
            "_csrf="
                + enc(member5.csrf(page))
                + "&grounds="
                + enc("Tôi đã hoàn thành vượt mức nhiệm vụ."));
    assertThat(posted.statusCode()).isEqualTo(302);
    assertThat(complaints("member5")).isEqualTo(1);

    // the committee above re-appraises; the grassroots committee cannot
    String task1 = taskOf("district", "reappraisal-decision", "member1", YEAR);
    String task2 = taskOf("district", "reappraisal-decision", "member2", YEAR);
    String task5 = taskOf("district", "reappraisal-decision", "member5", YEAR);
    assertThat(
            complete(
                    "committee",
                    task1,
                    Map.of("reappraisedLevel", "GOOD", "reappraisalComment", "x"))
                .getStatusCode()
                .value())
        .isEqualTo(403);
    String form = PageSession.of(port, "district").get("/app/tasks/" + task1).body();
    assertThat(form)
        .contains(
            "id=\"complaints\"",
            "Chi bộ chưa xét đến kết quả công tác quý IV.",
            "Đơn phản ánh của quần chúng nơi cư trú.");
    // the re-appraisal has no due date: no "Hạn: ·" with nothing after it (ninth session's
    // outsider, finding 13), in either language
    assertThat(form)
        .doesNotContain("id=\"task-due\"")
        .doesNotContainPattern(">Hạn</span>:\\s*<span>\\s*</span>");
    assertThat(PageSession.of(port, "district").get("/app/tasks/" + task1 + "?lang=en").body())
        .doesNotContainPattern(">Due</span>:\\s*<span>\\s*</span>")
        .contains("id=\"assignee\"");
    completeOk(
        "district",
        task2,
        Map.of(
            "reappraisedLevel",
            "GOOD",
            "reappraisalComment",
            "Đủ căn cứ giữ nguyên mức đã quyết định."));

    // the window closes with two cases still open: the campaign waits for them
    closeComplaintWindow(YEAR);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                runtimeService
                        .createExecutionQuery()
                        .processInstanceBusinessKey(YEAR + ":" + ORG)
                        .activityId("all-reappraisals-done")
                        .count()
                    == 1);
    assertThat(campaignStatus(campaignId)).isEqualTo("RUNNING");

    // after the window: refused by the API, unmatched from Kafka
    ResponseEntity<String> late = complain("member3", "member3", "Muộn.");
    assertThat(late.getStatusCode().value()).as(late.getBody()).isEqualTo(409);
    CloudEvent tooLate = complaintEvent("member4", "Phản ánh muộn.");
    send("member4", structured(tooLate));
    awaitUnmatched(tooLate, "COMPLAINT_WINDOW_CLOSED");
    assertThat(complaints("member3") + complaints("member4")).isZero();

    ResponseEntity<String> noGrounds =
        complete("district", task1, Map.of("reappraisedLevel", "COMPLETED"));
    assertThat(noGrounds.getStatusCode().value()).isEqualTo(400);
    assertThat(json(noGrounds.getBody()).at("/errors/0/field").asText())
        .isEqualTo("reappraisalComment");
    completeOk(
        "district",
        task1,
        Map.of(
            "reappraisedLevel",
            "COMPLETED",
            "reappraisalComment",
            "Xác minh: chưa hoàn thành hai nhiệm vụ được giao trong quý IV."));
    assertThat(campaignStatus(campaignId)).as("member5's case is still open").isEqualTo("RUNNING");
    completeOk(
        "district", task5, Map.of("reappraisedLevel", "GOOD", "reappraisalComment", "Giữ nguyên."));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "COMPLETED".equals(campaignStatus(campaignId)));

    // the record: the original decision, the complaints and the re-appraisal beside it
    JsonNode record = evaluation("member1", YEAR, "member1");
    assertThat(record.at("/decision/level").asText()).isEqualTo("GOOD");
    assertThat(record.get("complaints")).hasSize(2);
    assertThat(record.at("/complaints/0/channel").asText()).isEqualTo("API");
    assertThat(record.at("/complaints/1/channel").asText()).isEqualTo("EVENT");
    assertThat(record.at("/reappraisal/originalLevel").asText()).isEqualTo("GOOD");
    assertThat(record.at("/reappraisal/level").asText()).isEqualTo("COMPLETED");
    assertThat(record.at("/reappraisal/changed").asBoolean()).isTrue();
    assertThat(record.at("/reappraisal/by").asText()).isEqualTo("district");
    assertThat(evaluation("district", YEAR, "member2").at("/reappraisal/changed").asBoolean())
        .isFalse();
    assertThat(kinds("member1"))
        .containsSubsequence(
            "DECIDED",
            "RESULT_ANNOUNCED",
            "COMPLAINT_RECEIVED",
            "COMPLAINT_RECEIVED",
            "TASK_COMPLETED",
            "REAPPRAISED");
    assertThat(
            jdbc.sql(
                    "select message_key from evaluation.outbox where event_type = "
                        + "'vn.party.evaluation.member.reappraised' and position(:y in convert_from(payload, 'UTF8')) > 0")
                .param("y", "\"year\":" + YEAR)
                .query(String.class)
                .list())
        .containsExactlyInAnyOrder("member1", "member2", "member5");

    PageSession member1 = PageSession.of(port, "member1");
    String recordPage = member1.get("/app/evaluations/" + YEAR + "/member1").body();
    // the cells carry a data-label (their column's name on a phone) after the id
    assertThat(recordPage)
        .contains("id=\"complaints\"")
        .doesNotContain("id=\"complaint-form\"")
        .containsPattern("id=\"reappraised-level\"[^>]*>Hoàn thành nhiệm vụ<")
        .containsPattern("id=\"decided-level\"[^>]*>Hoàn thành tốt nhiệm vụ<");
    var pdf = member1.download("/app/evaluations/" + YEAR + "/member1.pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf.body());
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= reader.getNumberOfPages(); i++) {
      text.append(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(i));
    }
    reader.close();
    assertThat(text.toString().replaceAll("\\s+", " ")) // the timeline cells wrap
        .contains("Khiếu nại và thẩm định lại", "Cấp ủy cấp trên thẩm định lại");
  }

  private ResponseEntity<String> complain(String user, String memberId, String grounds) {
    return as(user)
        .post()
        .uri("/api/v1/evaluations/{y}/{m}/complaints", YEAR, memberId)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("grounds", grounds))
        .retrieve()
        .toEntity(String.class);
  }

  private List<JsonNode> announced() {
    return jdbc
        .sql(
            "select convert_from(payload, 'UTF8') from evaluation.outbox where event_type = "
                + "'vn.party.evaluation.result.announced' and position(:y in convert_from(payload, 'UTF8')) > 0")
        .param("y", "\"year\":" + YEAR)
        .query(String.class)
        .list()
        .stream()
        .map(IntegrationTestSupport::json)
        .toList();
  }

  private int complaints(String memberId) {
    return jdbc.sql("select count(*) from evaluation.complaint where year = :y and member_id = :m")
        .param("y", YEAR)
        .param("m", memberId)
        .query(Integer.class)
        .single();
  }

  private List<String> kinds(String memberId) {
    return jdbc.sql(
            "select kind from evaluation.timeline_entry where year = :y and member_id = :m order by id")
        .param("y", YEAR)
        .param("m", memberId)
        .query(String.class)
        .list();
  }

  private String campaignStatus(String campaignId) {
    return json(as("auditor")
            .get()
            .uri("/api/v1/campaigns/" + campaignId)
            .retrieve()
            .body(String.class))
        .get("status")
        .asText();
  }

  private void awaitUnmatched(CloudEvent event, String reason) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from evaluation.unmatched_event where event_id = :id and reason = :reason")
                        .param("id", event.getId())
                        .param("reason", reason)
                        .query(Integer.class)
                        .single()
                    == 1);
  }

  private static CloudEvent complaintEvent(String memberId, String grounds) {
    String data =
        "{\"memberId\":\""
            + memberId
            + "\",\"year\":"
            + YEAR
            + ",\"grounds\":\""
            + grounds
            + "\",\"submittedBy\":\"Ủy ban kiểm tra Đảng ủy phường\"}";
    return CloudEventBuilder.v1()
        .withId(UUID.randomUUID().toString())
        .withSource(URI.create("/inspection-committee/test"))
        .withType("vn.party.member.complaint")
        .withDataContentType("application/json")
        .withData(data.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  private static byte[] structured(CloudEvent event) {
    return EventFormatProvider.getInstance()
        .resolveFormat(JsonFormat.CONTENT_TYPE)
        .serialize(event);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
