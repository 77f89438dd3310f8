package vn.party.evaluation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.CampaignOpening;
import vn.party.evaluation.IntegrationTestSupport;

/**
 * Fourteenth session's outsider, MEDIUM 7: a typed body with several values of the wrong type was refused naming only
 * the first Jackson met; every one is named in the one answer, as the task completion does. Nothing is written.
 */
class AllWrongTypesTest extends IntegrationTestSupport {

  @Test
  void everyValueOfTheWrongTypeIsNamedInOneAnswer() {
    ResponseEntity<String> answer =
        CampaignOpening.post(
            as("committee"),
            "{\"organizationId\":\"org-fourteen-b\",\"regulation\":\"QD-366-2025\",\"year\":\"2025\","
                + "\"selfReviewDue\":true,\"residenceFeedbackDue\":5,\"branchReviewDue\":[1],"
                + "\"decisionDue\":{}}");
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    // "2025" for a year and 5 for a date Jackson reads as 2025 and a time in 1970: not a wrong type
    List<String> fields = new ArrayList<>();
    for (JsonNode error : json(answer.getBody()).path("errors")) {
      fields.add(error.path("field").asText());
      assertThat(error.path("reason").asText()).isIn("wrong-type", "invalid-format");
      assertThat(error.path("message").asText()).startsWith("Trường ");
    }
    assertThat(fields).containsExactlyInAnyOrder("selfReviewDue", "branchReviewDue", "decisionDue");
  }
}
