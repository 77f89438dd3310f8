package vn.party.evaluation.collective;

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
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.Refusals;
import vn.party.evaluation.pages.PageSession;

/**
 * A discipline decision against a party organization ({@code vn.party.organization.disciplined}): a disciplined
 * branch caps the rating of the grassroots organization above it (366: no subordinate unit disciplined for EXCELLENT),
 * at once if that rating is open; redelivery changes nothing, a correction replaces the decision, an unknown
 * organization is kept as unmatched, and so is data that does not match the published schema.
 */
class OrganizationDisciplineTest extends EvaluationFlowSupport {

  private static final int YEAR = 2053;
  private static final int OTHER_YEAR = 2054;
  private static final String CB2 = ORG + "-cb2";
  private static final String TYPE = "vn.party.organization.disciplined";

  @Test
  void aDisciplinedBranchCapsTheOpenRatingOfItsOrganization() throws Exception {
    launchedCampaign(YEAR);
    decideAllMembers(YEAR, n -> "GOOD");
    for (int b = 1; b <= BRANCHES.size(); b++) {
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
    completeOk(
        "committee",
        collectiveTaskOf("committee", "collective-self-review", ORG, YEAR),
        collectiveSelfReview("EXCELLENT"));
    String decision = collectiveTaskOf("district", "collective-decision", ORG, YEAR);
    assertThat(collective("district", YEAR, ORG).path("levelCap").path("level").asText(""))
        .as("no cap before the discipline")
        .isEmpty();

    // the decision arrives while the committee above has the organization's decision open
    CloudEvent reprimand = event(data(CB2, YEAR, "QĐ-53/UBKT", "REPRIMAND"));
    send(CB2, serialize(reprimand));
    send(CB2, serialize(reprimand)); // redelivered: changes nothing
    // a correction of the same decision (new event id): replaces the form, still one decision
    send(CB2, serialize(event(data(CB2, YEAR, "QĐ-53/UBKT", "WARNING"))));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "WARNING"
                    .equals(
                        jdbc.sql(
                                """
            select form from evaluation.organization_discipline_decision where year = :y and organization_id = :o""")
                            .param("y", YEAR)
                            .param("o", CB2)
                            .query(String.class)
                            .optional()
                            .orElse(null)));
    assertThat(
            jdbc.sql(
                    """
            select count(*) from evaluation.organization_discipline_decision where year = :y and organization_id = :o""")
                .param("y", YEAR)
                .param("o", CB2)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    """
            select count(*) from evaluation.timeline_entry where year = :y and member_id = :s and kind = 'EVENT_RECEIVED'""")
                .param("y", YEAR)
                .param("s", "collective:" + CB2)
                .query(Integer.class)
                .single())
        .as("the first delivery and the correction, not the redelivery")
        .isEqualTo(2);

    // the open rating is capped at once: the disciplined branch rules out EXCELLENT, and as one of
    // three branches
    // disciplined (33 % > 20 %) it also counts as a subordinate shortfall: at most COMPLETED
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(collective("district", YEAR, ORG).at("/levelCap/level").asText())
                    .isEqualTo("COMPLETED"));
    assertRefused(
        complete("district", decision, Map.of("decision", "APPROVE", "decidedLevel", "EXCELLENT")),
        "decidedLevel",
        "above-cap");
    assertRefused(
        complete("district", decision, approvesWithComment("GOOD", "x")),
        "decidedLevel",
        "above-cap");
    // the raters' form shows the cap and every reason behind it, in words (no rule ids: ninth
    // session's outsider, finding 10)
    String form = PageSession.of(port, "district").get("/app/tasks/" + decision).body();
    assertThat(form)
        .contains(
            "Có tổ chức đảng trực thuộc hoặc thành viên tập thể lãnh đạo bị kỷ luật trong năm")
        .contains("Tỷ lệ cấp dưới bị kỷ luật hoặc không hoàn thành nhiệm vụ vượt ngưỡng")
        .doesNotContain("collective-caps");
    JsonNode capApplied =
        json(
            jdbc.sql(
                    """
            select details::text from evaluation.timeline_entry
            where year = :y and member_id = :s and kind = 'LEVEL_CAP_APPLIED' order by id desc limit 1""")
                .param("y", YEAR)
                .param("s", "collective:" + ORG)
                .query(String.class)
                .single());
    assertThat(capApplied.get("trigger").asText()).isEqualTo(TYPE);
    assertThat(capApplied.get("allCaps").toString())
        .contains("collective-caps-QD-366-2025-subordinate-unit-disciplined");
    completeOk(
        "district",
        decision,
        approvesWithComment("COMPLETED", "Chi bộ Khu dân cư số 2 bị kỷ luật cảnh cáo trong năm."));
    JsonNode organization = collective("auditor", YEAR, ORG);
    assertThat(organization.at("/decision/level").asText()).isEqualTo("COMPLETED");
    assertThat(organization.at("/levelCap/reason").asText()).isEqualTo("SUBORDINATE_SHORTFALL");
  }

  @Test
  void unknownOrganizationsAndInvalidDecisionsAreKeptAsUnmatched() {
    CloudEvent unknown = event(data("no-such-branch", OTHER_YEAR, "QĐ-54/UBKT", "REPRIMAND"));
    send("no-such-branch", serialize(unknown));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        unmatched().stream()
                            .filter(e -> e.get("eventId").asText().equals(unknown.getId()))
                            .map(e -> e.get("reason").asText())
                            .toList())
                    .containsExactly("UNKNOWN_ORGANIZATION"));

    // a known branch with no campaign of the year yet: kept, on the branch's timeline, for when its
    // rating opens
    send(CB2, serialize(event(data(CB2, OTHER_YEAR, "QĐ-54b/UBKT", "DISSOLUTION"))));

    // data that does not match the published schema: kept as unmatched with the schema's message
    // (issue 16)
    String key = "organization-discipline-poison-" + OTHER_YEAR;
    List<CloudEvent> invalid =
        List.of(
            event(
                "{\"year\":"
                    + OTHER_YEAR
                    + ",\"decisionId\":\"QĐ-1\",\"form\":\"REPRIMAND\","
                    + "\"decidedOn\":\""
                    + OTHER_YEAR
                    + "-03-01\",\"decidedBy\":\"UBKT\"}"), // no organizationId
            event(data(CB2, OTHER_YEAR, "QĐ-2", "EXPULSION")), // a member's form, not a unit's
            event(
                data(CB2, OTHER_YEAR, "QĐ-3", "WARNING")
                    .replace("\"" + OTHER_YEAR + "-03-01\"", "\"1/3/" + OTHER_YEAR + "\"")));
    invalid.forEach(event -> send(key, serialize(event)));
    List<String> named = List.of("organizationId", "form", "decidedOn");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              List<JsonNode> listed = unmatched();
              for (int i = 0; i < invalid.size(); i++) {
                String id = invalid.get(i).getId();
                assertThat(listed)
                    .filteredOn(e -> e.path("eventId").asText().equals(id))
                    .singleElement()
                    .satisfies(e -> assertThat(e.path("reason").asText()).isEqualTo("INVALID_DATA"))
                    .extracting(e -> e.path("problem").asText())
                    .asString()
                    .contains(named.get(i));
              }
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql(
                                """
            select organization_id || ':' || kind || ':' || form from evaluation.organization_discipline_decision
            where year = :y""")
                            .param("y", OTHER_YEAR)
                            .query(String.class)
                            .list())
                    .containsExactly(CB2 + ":BRANCH:DISSOLUTION"));
    assertThat(
            jdbc.sql(
                    """
            select count(*) from evaluation.timeline_entry where year = :y and member_id = :s and kind = 'EVENT_RECEIVED'""")
                .param("y", OTHER_YEAR)
                .param("s", "collective:" + CB2)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  private static String data(String organizationId, int year, String decisionId, String form) {
    return "{\"organizationId\":\""
        + organizationId
        + "\",\"year\":"
        + year
        + ",\"decisionId\":\""
        + decisionId
        + "\",\"form\":\""
        + form
        + "\",\"decidedOn\":\""
        + year
        + "-03-01\",\"decidedBy\":\"Ủy ban kiểm tra Quận ủy\"}";
  }

  private static CloudEvent event(String data) {
    return CloudEventBuilder.v1()
        .withId(UUID.randomUUID().toString())
        .withSource(URI.create("/inspection-committee/test"))
        .withType(TYPE)
        .withDataContentType("application/json")
        .withData(data.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  private static byte[] serialize(CloudEvent event) {
    return EventFormatProvider.getInstance()
        .resolveFormat(JsonFormat.CONTENT_TYPE)
        .serialize(event);
  }

  private List<JsonNode> unmatched() {
    return unmatchedEvents("?limit=500");
  }

  /** 400 naming the field and reason. */
  private static void assertRefused(ResponseEntity<String> response, String field, String reason) {
    Refusals.assertFieldRefused(response, field, reason);
  }
}
