package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * A discipline decision for a year whose evaluation is final starts a re-rating (xếp loại lại): the grassroots
 * committee decides again, within the cap the discipline sets, and the new level is a record of its own; the
 * original decision stays as it was.
 */
class ReratingTest extends EvaluationFlowSupport {

  private static final int YEAR = 2077;

  @Autowired private HistoryService historyService;

  /** The year's campaign, launched by whichever test of this class comes first. */
  private void launched() {
    Integer campaigns =
        jdbc.sql(
                "select count(*) from evaluation.campaign where year = :y and organization_id = 'thanh-khe-tay'")
            .param("y", YEAR)
            .query(Integer.class)
            .single();
    if (campaigns == 0) {
      launchedCampaign(YEAR);
    }
  }

  /**
   * Twelfth session's outsider, findings 1 and 2: a residence comment and a unit assessment after the decision
   * changed the decided record (the comment; RECEIVED beside the decided level) while the engine kept the earlier
   * comment. Now neither changes; each is on the timeline, marked as too late, and listed for the administrators.
   */
  @Test
  void aResidenceCommentOrUnitAssessmentAfterTheDecisionChangesNothingAndIsToldAsLate() {
    launched();
    decided("member4", YEAR, selfCriticism("GOOD"), "GOOD");
    JsonNode before = evaluation("auditor", YEAR, "member4");
    String processInstance =
        jdbc.sql(
                "select process_instance_id from evaluation.member_evaluation where year = :y and member_id = 'member4'")
            .param("y", YEAR)
            .query(String.class)
            .single();

    CloudEvent comment = sendResidenceFeedback("member4", YEAR, "Nhận xét muộn sau quyết định");
    CloudEvent assessment = sendUnitAssessment("member4", YEAR, "NOT_COMPLETED", 40.0, "Muộn");
    // both taken in (on the timeline), whatever they did
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                            """
                        select count(*) from evaluation.timeline_entry where year = :y and member_id = 'member4'
                        and kind = 'EVENT_RECEIVED' and details ->> 'eventId' in (:ids)""")
                        .param("y", YEAR)
                        .param("ids", List.of(comment.getId(), assessment.getId()))
                        .query(Integer.class)
                        .single()
                    == 2);

    JsonNode after = evaluation("auditor", YEAR, "member4");
    assertThat(after.get("status").asText()).isEqualTo("DECIDED");
    assertThat(after.get("residenceFeedback")).isEqualTo(before.get("residenceFeedback"));
    assertThat(after.at("/residenceFeedback/comment").asText()).isEqualTo("Tốt");
    assertThat(after.get("unitAssessment")).isEqualTo(before.get("unitAssessment"));
    assertThat(after.at("/decision/level").asText()).isEqualTo("GOOD");
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(processInstance)
                .variableName("residenceComment")
                .singleResult()
                .getValue())
        .isEqualTo("Tốt");
    // on the timeline, marked; the people's words say so
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from evaluation.timeline_entry where year = :y and member_id = 'member4'
                    and kind = 'EVENT_RECEIVED' and details ->> 'lateArrival' = 'AFTER_DECISION'""")
                .param("y", YEAR)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    // listed for the administrators with a reason of its own
    assertThat(
            unmatchedEvents("?reason=TOO_LATE").stream()
                .map(e -> e.get("eventId").asText())
                .filter(id -> id.equals(comment.getId()) || id.equals(assessment.getId())))
        .hasSize(2);
    String page = pageAs("auditor", "/app/evaluations/" + YEAR + "/member4");
    assertThat(page)
        .contains("Nhận xét muộn sau quyết định")
        .contains("Đến sau khi đảng ủy đã quyết định; không được xem xét");
    assertThat(pageAs("auditor", "/app/evaluations/" + YEAR + "/member4?lang=en"))
        .contains("Arrived after the decision; not considered");
  }

  /**
   * Finding 10: the meeting page and the committee's decision page say who sent the residence comment and when.
   * And a comment once the branch has proposed is too late (the branch review is the step that reads it): the
   * committee still sees the one the branch read.
   */
  @Test
  void theCommentsSenderAndTimeAreShownAndOneAfterTheBranchReviewIsNotConsidered() {
    launched();
    completeOk("member5", taskOf("member5", "self-review", "member5", YEAR), selfCriticism("GOOD"));
    sendResidenceFeedback("member5", YEAR, "Gương mẫu");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "RECEIVED"
                    .equals(
                        evaluation("committee", YEAR, "member5")
                            .at("/residenceFeedback/status")
                            .asText()));
    String meeting = "/app/meetings/" + ORG + "-cb1/" + YEAR;
    assertThat(pageAs("secretary1", meeting))
        .contains("Gương mẫu")
        .contains("(gửi bởi Chi ủy khu dân cư số 1, lúc ");
    assertThat(pageAs("secretary1", meeting + "?lang=en"))
        .contains("(sent by Chi ủy khu dân cư số 1 at ");
    completeOk(
        "secretary1",
        taskOf("secretary1", "branch-review", "member5", YEAR),
        branchProposes("GOOD"));
    String decision = "/app/tasks/" + taskOf("committee", "committee-decision", "member5", YEAR);
    assertThat(pageAs("committee", decision))
        .contains("Gương mẫu")
        .contains("(gửi bởi Chi ủy khu dân cư số 1, lúc ");
    assertThat(pageAs("committee", decision + "?lang=en"))
        .contains("(sent by Chi ủy khu dân cư số 1 at ");

    CloudEvent late = sendResidenceFeedback("member5", YEAR, "Sau khi chi bộ đề xuất");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                unmatchedEvents("?reason=TOO_LATE").stream()
                    .anyMatch(e -> late.getId().equals(e.get("eventId").asText())));
    assertThat(evaluation("committee", YEAR, "member5").at("/residenceFeedback/comment").asText())
        .isEqualTo("Gương mẫu");
    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(
                vn.party.evaluation.process.BusinessKeys.member(YEAR, "member5"))
            .singleResult()
            .getId();
    assertThat(runtimeService.getVariable(instance, "residenceComment")).isEqualTo("Gương mẫu");
    assertThat(pageAs("committee", decision)).doesNotContain("Sau khi chi bộ đề xuất");
    assertThat(pageAs("auditor", "/app/evaluations/" + YEAR + "/member5"))
        .contains("Sau khi chi bộ đề xuất")
        .contains("Đến sau khi chi bộ đã kiểm điểm, đề xuất xếp loại; không được xem xét");
  }

  @Test
  void aDisciplineAfterTheDecisionIsReratedByTheCommitteeAndTheOriginalStays() {
    launched();
    completeOk("member3", taskOf("member3", "self-review", "member3", YEAR), selfCriticism("GOOD"));
    sendResidenceFeedback("member3", YEAR, "Tốt");
    completeOk(
        "secretary1",
        taskOf("secretary1", "branch-review", "member3", YEAR),
        branchProposes("GOOD"));
    completeOk(
        "committee",
        taskOf("committee", "committee-decision", "member3", YEAR),
        Map.of("decision", "APPROVE", "decidedLevel", "GOOD"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "DECIDED".equals(evaluation("committee", YEAR, "member3").get("status").asText()));

    CloudEvent discipline = discipline("KL-77/2077");
    send("member3", structured(discipline));
    String task = taskOf("committee", "rerating-decision", "member3", YEAR);

    // the cap the discipline sets applies: GOOD is refused, the grounds are required
    ResponseEntity<String> aboveCap =
        complete(
            "committee", task, Map.of("reratedLevel", "GOOD", "reratingComment", "Giữ nguyên."));
    assertThat(aboveCap.getStatusCode().value()).isEqualTo(400);
    assertThat(json(aboveCap.getBody()).at("/errors/0/reason").asText()).isEqualTo("above-cap");
    ResponseEntity<String> noGrounds =
        complete("committee", task, Map.of("reratedLevel", "NOT_COMPLETED"));
    assertThat(noGrounds.getStatusCode().value()).isEqualTo(400);
    assertThat(json(noGrounds.getBody()).at("/errors/0/field").asText())
        .isEqualTo("reratingComment");
    // a member or a branch secretary cannot re-rate
    assertThat(
            complete(
                    "secretary1",
                    task,
                    Map.of("reratedLevel", "NOT_COMPLETED", "reratingComment", "x"))
                .getStatusCode()
                .value())
        .isEqualTo(403);

    completeOk(
        "committee",
        task,
        Map.of(
            "reratedLevel",
            "NOT_COMPLETED",
            "reratingComment",
            "Bị kỷ luật khiển trách theo quyết định KL-77/2077."));

    Map<String, Object> rerating =
        jdbc.sql(
                "select original_level, rerated_level, decided_by from "
                    + "evaluation.rerating where year = :y and member_id = 'member3'")
            .param("y", YEAR)
            .query()
            .singleRow();
    assertThat(rerating)
        .containsEntry("original_level", "GOOD")
        .containsEntry("rerated_level", "NOT_COMPLETED")
        .containsEntry("decided_by", "committee");
    assertThat(evaluation("committee", YEAR, "member3").at("/decision/level").asText())
        .as("the original decision stays as it was")
        .isEqualTo("GOOD");
    List<String> kinds =
        jdbc.sql(
                "select kind from evaluation.timeline_entry where year = :y and member_id = "
                    + "'member3' order by id")
            .param("y", YEAR)
            .query(String.class)
            .list();
    assertThat(kinds)
        .containsSubsequence("DECIDED", "EVENT_RECEIVED", "RERATING_STARTED", "RERATED");
    assertThat(
            jdbc.sql(
                    "select count(*) from evaluation.outbox where event_type = 'vn.party.evaluation.member.rerated'"
                        + " and message_key = 'member3'")
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    // the evaluation page shows both: the original decision and the re-rating beside it
    String page = pageAs("auditor", "/app/evaluations/" + YEAR + "/member3");
    assertThat(page)
        .contains("id=\"reratings\"", "KL-77/2077", "Không hoàn thành nhiệm vụ")
        .containsPattern("id=\"decided-level\"[^>]*>Hoàn thành tốt nhiệm vụ<");

    // the full record as a PDF, with the re-rating and the timeline
    try {
      var pdf =
          vn.party.evaluation.pages.PageSession.of(port, "auditor")
              .download("/app/evaluations/" + YEAR + "/member3.pdf");
      assertThat(pdf.statusCode()).isEqualTo(200);
      com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf.body());
      StringBuilder text = new StringBuilder();
      for (int i = 1; i <= reader.getNumberOfPages(); i++) {
        text.append(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(i));
      }
      reader.close();
      assertThat(text.toString())
          .contains(
              "Hồ sơ đánh giá năm " + YEAR,
              "KL-77/2077",
              "Xếp loại lại",
              "Không hoàn thành nhiệm vụ",
              "Diễn biến");
      assertThat(
              vn.party.evaluation.pages.PageSession.of(port, "member2")
                  .download("/app/evaluations/" + YEAR + "/member3.pdf")
                  .statusCode())
          .isEqualTo(403);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }

    // the same event again, or a correction of the same decision: no second re-rating
    send("member3", structured(discipline));
    send("member3", structured(discipline("KL-77/2077")));
    CloudEvent marker = discipline("KL-78/2077-marker");
    send(
        "member3",
        structured(
            marker)); // a later, different decision shows the consumer got past the first two
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from evaluation.rerating where year = :y and member_id = 'member3'")
                        .param("y", YEAR)
                        .query(Integer.class)
                        .single()
                    == 2);
    assertThat(
            jdbc.sql(
                    "select count(*) from evaluation.rerating where year = :y and member_id = 'member3' "
                        + "and discipline_decision_id = 'KL-77/2077'")
                .param("y", YEAR)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  private String pageAs(String user, String path) {
    try {
      var response = vn.party.evaluation.pages.PageSession.of(port, user).get(path);
      assertThat(response.statusCode()).isEqualTo(200);
      return response.body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static CloudEvent discipline(String decisionId) {
    String data =
        "{\"memberId\":\"member3\",\"year\":"
            + YEAR
            + ",\"decisionId\":\""
            + decisionId
            + "\",\"form\":\"REPRIMAND\",\"selfDetectedAndRemedied\":false,\"decidedOn\":\""
            + (YEAR + 1)
            + "-02-01\",\"decidedBy\":\"Ủy ban kiểm tra Đảng ủy phường\"}";
    return CloudEventBuilder.v1()
        .withId(UUID.randomUUID().toString())
        .withSource(URI.create("/inspection-committee/test"))
        .withType("vn.party.member.disciplined")
        .withDataContentType("application/json")
        .withData(data.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  private static byte[] structured(CloudEvent event) {
    return EventFormatProvider.getInstance()
        .resolveFormat(JsonFormat.CONTENT_TYPE)
        .serialize(event);
  }
}
