package vn.party.evaluation.collective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.pages.PageSession;

/**
 * A branch set up less than six months before the year's end is not rated as a collective (organization-eligibility,
 * the rule already used at launch), while its members are; the organization is still rated after the other branches.
 */
class CollectiveEligibilityTest extends EvaluationFlowSupport {

  private static final int YEAR = 2037;
  private static final String CB3 = ORG + "-cb3";

  @Test
  void aBranchSetUpInSeptemberIsNotRatedAndTheCampaignRatesTheOthers() throws Exception {
    jdbc.sql("update evaluation.branch set established_on = date '2037-09-01' where id = :b")
        .param("b", CB3)
        .update();
    try {
      String campaignId = launchedCampaign(YEAR);
      for (int n = 1; n <= 15; n++) {
        String member = "member" + n;
        String secretary = "secretary" + ((n - 1) / 5 + 1);
        completeOk(member, taskOf(member, "self-review", member, YEAR), selfCriticism("GOOD"));
        sendResidenceFeedback(member, YEAR, "Tốt");
        completeOk(
            secretary, taskOf(secretary, "branch-review", member, YEAR), branchProposes("GOOD"));
        completeOk(
            "committee",
            taskOf("committee", "committee-decision", member, YEAR),
            Map.of("decision", "APPROVE", "decidedLevel", "GOOD"));
      }
      for (int b = 1; b <= 2; b++) {
        String branch = BRANCHES.get(b - 1);
        completeOk(
            "secretary" + b,
            collectiveTaskOf("secretary" + b, "collective-self-review", branch, YEAR),
            collectiveSelfReview("GOOD"));
        completeOk(
            "committee",
            collectiveTaskOf("committee", "collective-decision", branch, YEAR),
            Map.of("decision", "APPROVE", "decidedLevel", "GOOD"));
      }
      JsonNode cb3 = collective("auditor", YEAR, CB3);
      assertThat(cb3.get("status").asText()).isEqualTo("NOT_RATED");
      assertThat(cb3.get("notRatedReason").asText()).isEqualTo("ORGANIZATION_UNDER_6_MONTHS");
      assertThat(
              StreamSupport.stream(cb3.get("history").spliterator(), false)
                  .map(e -> e.get("kind").asText()))
          .containsExactly("COLLECTIVE_NOT_RATED");
      assertThat(
              jdbc.sql("select count(*) from public.act_ru_execution where business_key_ = :k")
                  .param("k", YEAR + ":collective:" + CB3)
                  .query(Integer.class)
                  .single())
          .isZero();

      completeOk(
          "committee",
          collectiveTaskOf("committee", "collective-self-review", ORG, YEAR),
          collectiveSelfReview("GOOD"));
      completeOk(
          "district",
          collectiveTaskOf("district", "collective-decision", ORG, YEAR),
          Map.of("decision", "APPROVE", "decidedLevel", "GOOD"));
      finalizeResults(YEAR);
      closeComplaintWindow(YEAR);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          json(as("auditor")
                                  .get()
                                  .uri("/api/v1/campaigns/" + campaignId)
                                  .retrieve()
                                  .body(String.class))
                              .get("status")
                              .asText())
                      .isEqualTo("COMPLETED"));

      String report =
          PageSession.of(port, "committee").get("/app/reports/" + ORG + "/" + YEAR).body();
      String counts = report.substring(report.indexOf("id=\"collective-counts\""));
      assertThat(counts)
          .as("two rated branches, both GOOD")
          .containsPattern("<td>2</td>")
          .containsPattern("data-level=\"GOOD\">2<");
      assertThat(report.substring(report.indexOf("data-collective=\"" + CB3 + "\"")))
          .contains("Không xếp loại");
    } finally {
      jdbc.sql("update evaluation.branch set established_on = null where id = :b")
          .param("b", CB3)
          .update();
    }
  }
}
