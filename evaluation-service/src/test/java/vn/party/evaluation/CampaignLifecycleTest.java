package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.CampaignOpening.Dues;

/**
 * Opening a campaign, refusing a second one, and closing it once the last member is decided, the results are
 * finalized, the branches and the organization are rated and the complaint window has passed.
 */
class CampaignLifecycleTest extends EvaluationFlowSupport {

  @Test
  void aCampaignCompletesAfterMembersCollectivesFinalizationAndTheComplaintWindow() {
    int year = 2024;
    String campaignId = launchedCampaign(year);
    assertThat(
            jdbc.sql("select count(*) from evaluation.member_evaluation where year = :y")
                .param("y", year)
                .query(Integer.class)
                .single())
        .isEqualTo(15);

    decideAllMembers(year, n -> n <= 2 ? "EXCELLENT" : "GOOD");
    // then the branches and the organization are rated (no demo member heads a unit in the tests'
    // data)
    rateCollectives(year, "GOOD");
    // two EXCELLENT of thirteen GOOD: within the quota (at most 2), so the committee finalizes at
    // once
    finalizeResults(year);
    closeComplaintWindow(year); // nobody complained

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode campaign =
                  json(
                      as("auditor")
                          .get()
                          .uri("/api/v1/campaigns/" + campaignId)
                          .retrieve()
                          .body(String.class));
              assertThat(campaign.get("status").asText()).isEqualTo("COMPLETED");
              assertThat(campaign.at("/progress/membersDecided").asInt()).isEqualTo(15);
              assertThat(campaign.at("/progress/decidedByLevel/EXCELLENT").asInt()).isEqualTo(2);
              assertThat(campaign.at("/progress/decidedByLevel/GOOD").asInt()).isEqualTo(13);
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        readAll("evaluation.events", Duration.ofSeconds(2)).stream()
                            .map(IntegrationTestSupport::cloudEvent)
                            .filter(
                                e ->
                                    e.get("type")
                                        .asText()
                                        .equals("vn.party.evaluation.campaign.completed"))
                            .filter(e -> e.at("/data/year").asInt() == year)
                            .map(e -> e.at("/data/countsByLevel/GOOD").asInt()))
                    .containsExactly(13));

    // the committees were told of their tasks about no single member, keyed by the organization,
    // named by subject
    List<String> committeeNotices =
        readAll("evaluation.events", Duration.ofSeconds(2)).stream()
            .filter(record -> ORG.equals(record.key()))
            .map(IntegrationTestSupport::cloudEvent)
            .filter(e -> e.get("type").asText().equals("vn.party.evaluation.task.assigned"))
            .filter(e -> e.at("/data/year").asInt() == year)
            .map(
                e ->
                    e.at("/data/taskKey").asText()
                        + " | "
                        + e.at("/data/subjectName").asText()
                        + " | "
                        + StreamSupport.stream(e.at("/data/recipients").spliterator(), false)
                            .map(r -> r.get("userId").asText())
                            .sorted()
                            .toList())
            .toList();
    assertThat(committeeNotices)
        .anyMatch(
            n ->
                n.startsWith("finalize-results | Đảng bộ phường Thanh Khê Tây | ")
                    && n.contains("committee"))
        .anyMatch(
            n ->
                n.startsWith("collective-self-review | Chi bộ Khu dân cư số 1 | ")
                    && n.contains("secretary1"))
        .anyMatch(
            n ->
                n.startsWith("collective-decision | Chi bộ Khu dân cư số 1 | ")
                    && n.contains("committee"))
        .anyMatch(
            n ->
                n.startsWith("collective-decision | Đảng bộ phường Thanh Khê Tây | ")
                    && n.contains("district"));
  }

  @Test
  void theSameOrganizationAndYearTwiceIsRefusedAndCreatesNothing() {
    int year = 2022;
    assertThat(
            openCampaign("committee", year, OffsetDateTime.now().plusDays(20))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    int processes = campaignProcesses();
    ResponseEntity<String> second =
        openCampaign("committee", year, OffsetDateTime.now().plusDays(20));
    assertThat(second.getStatusCode().value()).isEqualTo(409);
    assertThat(
            jdbc.sql("select count(*) from evaluation.campaign where year = :y")
                .param("y", year)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(campaignProcesses()).isEqualTo(processes);
  }

  @Test
  void onlyTheOrganizationsCommitteeOrAnAdministratorOpensACampaign() {
    assertThat(
            openCampaign("member1", 2021, OffsetDateTime.now().plusDays(20))
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            openCampaign("auditor", 2021, OffsetDateTime.now().plusDays(20))
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(CampaignOpening.post(anonymous(), "{}").getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void badCampaignInputIsRefusedWithTheFieldNamed() {
    OffsetDateTime now = OffsetDateTime.now();
    assertField(
        post(
            CampaignOpening.request("thanh-khe-tay", 2020, "QD-999")
                .dues(
                    new Dues(now.plusDays(5), now.plusDays(6), now.plusDays(7), now.plusDays(8)))),
        "regulation");
    assertField(
        post(
            CampaignOpening.request("thanh-khe-tay", 2020, "QD-366-2025")
                .dues(
                    new Dues(now.plusDays(5), now.plusDays(6), now.plusDays(7), now.plusDays(1)))),
        "decisionDue");
    assertField(
        post(CampaignOpening.request().organization("thanh-khe-tay").year("twenty")), "year");
    assertField(
        post(CampaignOpening.request().organization("thanh-khe-tay").regulation("QD-366-2025")),
        "year");
    ResponseEntity<String> malformed = CampaignOpening.post(as("admin"), "{\"organizationId\": ");
    assertThat(malformed.getStatusCode().value()).isEqualTo(400);
    assertThat(
            jdbc.sql("select count(*) from evaluation.campaign where year = 2020")
                .query(Integer.class)
                .single())
        .isZero();
  }

  private ResponseEntity<String> post(CampaignOpening.Request request) {
    return request.post(as("admin"));
  }

  private static void assertField(ResponseEntity<String> response, String field) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    assertThat(
            StreamSupport.stream(json(response.getBody()).get("errors").spliterator(), false)
                .anyMatch(e -> e.get("field").asText().equals(field)))
        .as(response.getBody())
        .isTrue();
  }

  private int campaignProcesses() {
    return jdbc.sql(
            "select count(*) from public.act_hi_procinst where proc_def_key_ = 'evaluation-campaign'")
        .query(Integer.class)
        .single();
  }
}
