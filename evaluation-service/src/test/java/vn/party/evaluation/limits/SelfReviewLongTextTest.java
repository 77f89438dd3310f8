package vn.party.evaluation.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.process.BusinessKeys;
import vn.party.evaluation.process.TextLimits;

/**
 * Issue 12, "one length per text", for the self-review's long texts (Mẫu 02A/02B section I per criterion, II–IV): the
 * pages and the domain API took {@link TextLimits#SELF_REVIEW_LONG_TEXT} characters, Tasklist and the engine REST API
 * refused anything above an engine variable ({@link TextLimits#ENGINE_VARIABLE}). Now every door takes the same length:
 * the whole text is kept in {@code evaluation.self_review}, the engine variable gets {@link TextLimits#forEngine} of it.
 * At the limit taken, one past it refused naming the field, nothing written. (The engine REST API's two path forms are
 * the same code; {@code /engine-rest/task/{id}/complete} stands for both, and for Tasklist's {@code submit-form}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfReviewLongTextTest extends EvaluationFlowSupport {

  private static final int YEAR = 2028;
  private static final String FIELD = "politicalIdeology";

  @BeforeAll
  void campaign() {
    launchedCampaign(YEAR);
  }

  /** A text of exactly {@code length} characters, Vietnamese with its diacritics. */
  private static String text(int length) {
    return "Kiên định lập trường chính trị, gương mẫu chấp hành. "
        .repeat(length / 40 + 1)
        .substring(0, length);
  }

  private static Map<String, Object> review(String longText) {
    return selfCriticism("GOOD", FIELD, longText);
  }

  @Test
  void theEngineRestApiTakesALongTextAtItsLimitKeepsItWholeAndRefusesOnePastIt() {
    String atLimit = text(TextLimits.SELF_REVIEW_LONG_TEXT);
    String task = taskOf("member2", "self-review", "member2", YEAR);
    ResponseEntity<String> taken = engineComplete("member2", task, review(atLimit));
    assertThat(taken.getStatusCode().value()).as(taken.getBody()).isEqualTo(204);
    assertThat(keptText("member2")).isEqualTo(atLimit);
    String variable = engineVariable("member2");
    assertThat(variable)
        .hasSize(TextLimits.ENGINE_VARIABLE)
        .endsWith(TextLimits.CUT_MARK)
        .startsWith(atLimit.substring(0, 1000));
    assertThat(variable).isEqualTo(TextLimits.forEngine(atLimit));

    String other = taskOf("member3", "self-review", "member3", YEAR);
    ResponseEntity<String> refused =
        engineComplete("member3", other, review(text(TextLimits.SELF_REVIEW_LONG_TEXT + 1)));
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    assertThat(refused.getBody()).contains(FIELD).contains("too-long");
    assertNothingWritten("member3", other);

    // a text that fits a variable goes to the engine as it is
    String fits = text(TextLimits.ENGINE_VARIABLE);
    ResponseEntity<String> small = engineComplete("member3", other, review(fits));
    assertThat(small.getStatusCode().value()).as(small.getBody()).isEqualTo(204);
    assertThat(engineVariable("member3")).isEqualTo(fits);
    assertThat(keptText("member3")).isEqualTo(fits);
  }

  @Test
  void theDomainApiTakesTheSameLengthAndRefusesOnePastIt() {
    String atLimit = text(TextLimits.SELF_REVIEW_LONG_TEXT);
    String task = taskOf("member7", "self-review", "member7", YEAR);
    completeOk("member7", task, review(atLimit));
    assertThat(keptText("member7")).isEqualTo(atLimit);

    String other = taskOf("member8", "self-review", "member8", YEAR);
    ResponseEntity<String> refused =
        complete("member8", other, review(text(TextLimits.SELF_REVIEW_LONG_TEXT + 1)));
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    assertThat(refused.getBody()).contains(FIELD).contains("too-long");
    assertNothingWritten("member8", other);
  }

  private String keptText(String memberId) {
    ResponseEntity<String> response =
        as("auditor")
            .get()
            .uri("/api/v1/evaluations/{y}/{m}/self-review", YEAR, memberId)
            .retrieve()
            .toEntity(String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    JsonNode kept = json(response.getBody());
    return kept.at("/content/" + FIELD).asText();
  }

  private String engineVariable(String memberId) {
    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(BusinessKeys.member(YEAR, memberId))
            .singleResult()
            .getId();
    return (String) runtimeService.getVariable(instance, FIELD);
  }

  private void assertNothingWritten(String memberId, String task) {
    assertThat(taskOf(memberId, "self-review", memberId, YEAR))
        .as("the task is still open")
        .isEqualTo(task);
    assertThat(
            jdbc.sql(
                    "select count(*) from evaluation.self_review where year = :y and member_id = :m")
                .param("y", YEAR)
                .param("m", memberId)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(engineVariable(memberId)).isNull();
  }
}
