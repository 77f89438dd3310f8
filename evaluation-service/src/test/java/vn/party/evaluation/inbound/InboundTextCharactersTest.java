package vn.party.evaluation.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.InboundEventData;
import vn.party.evaluation.process.validation.FieldError;

/**
 * Issue 12, finding 5: text arriving on {@code party.member-events} skipped the character checks the API makes. A
 * lone surrogate was stored and shown as "?", a right-to-left override was stored and shown, and a NUL made the
 * database refuse the row, so the event went to the dead-letter topic without a word to the administrators and the
 * member kept waiting for the comment. Now every text of every inbound event is checked by the same {@code
 * TextCharacters} as the API: refused, it is kept among the unmatched events as INVALID_DATA naming the field and
 * the reason, nothing of it is stored, and nothing is dead-lettered.
 */
class InboundTextCharactersTest extends EvaluationFlowSupport {

  private static final int YEAR = 2060;
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** The JSON escapes of what the API refuses, with the reason it gives. */
  private static final Map<String, String> BAD =
      Map.of(
          "Gương mẫu \\ud800 nơi cư trú", FieldError.INVALID_CHARACTERS,
          "Gương mẫu \\u202enơi cư trú\\u202c tốt", FieldError.INVALID_CHARACTERS,
          "Gương mẫu \\u2066nơi\\u2069 cư trú", FieldError.INVALID_CHARACTERS,
          "Gương mẫu\\u0000 nơi cư trú", FieldError.CONTROL_CHARACTERS,
          "Gương mẫu\\u0007 nơi cư trú", FieldError.CONTROL_CHARACTERS);

  @Test
  void everyInboundTextWithCharactersTheApiRefusesIsListedForTheAdministratorsAndNotStored() {
    List<Sent> sent = new ArrayList<>();
    for (Case c : cases()) {
      BAD.forEach((escaped, reason) -> sent.add(send(c, escaped, reason)));
    }
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              for (Sent s : sent) {
                assertThat(invalid(s.id()))
                    .as(s.toString())
                    .isNotNull()
                    .contains(s.field() + ": " + s.reason())
                    .doesNotContain("nơi cư trú");
              }
            });
    for (String table :
        List.of(
            "residence_feedback",
            "unit_assessment",
            "discipline_decision",
            "organization_discipline_decision",
            "complaint")) {
      assertThat(storedFor(table)).as(table + " of " + YEAR).isZero();
    }
    assertThat(
            jdbc.sql(
                    "select count(*) from evaluation.unmatched_event where year = :y and member_id = 'member4'")
                .param("y", YEAR)
                .query(Integer.class)
                .single())
        .as("the member is named for the administrators")
        .isGreaterThan(0);
    // the administrators' list answers, naming the reason
    String listed =
        as("admin")
            .get()
            .uri("/api/v1/admin/unmatched-events?reason=INVALID_DATA&limit=500")
            .retrieve()
            .body(String.class);
    assertThat(listed).contains(sent.get(0).id()).contains("comment: ");
    List<String> ids = sent.stream().map(Sent::id).toList();
    assertThat(deadLettered(Duration.ofSeconds(2))).doesNotContainAnyElementsOf(ids);
  }

  @Test
  void aCleanTextNextToThemIsStillTaken() {
    Sent clean =
        send(
            new Case(
                "vn.party.member.residence-feedback",
                "comment",
                Map.of(
                    "memberId",
                    "member5",
                    "year",
                    2079,
                    "comment",
                    "Tốt.",
                    "submittedBy",
                    "Chi ủy khu dân cư")),
            "Gương mẫu nơi cư trú 😀\\n\\ttốt, ‏dấu chỉ hướng được giữ",
            null);
    await()
        .atMost(WAIT)
        .until(
            () ->
                jdbc.sql("select count(*) from evaluation.inbox where event_id = :id")
                        .param("id", clean.id())
                        .query(Integer.class)
                        .single()
                    == 1);
    assertThat(invalid(clean.id())).isNull();
  }

  /**
   * Issue 12, outsiders' recheck: the CloudEvent's own attributes were not checked. A NUL in {@code id} made the
   * inbox's row fail, so the event was dead-lettered without being listed; ids differing only by a lone surrogate
   * were remembered alike (the second taken for a redelivery); U+202E in {@code source} was stored. Now each is
   * listed as INVALID_DATA naming the attribute and the reason, under a readable form of the attribute (the escape
   * as written here), two such ids stay two, and nothing is dead-lettered.
   */
  @Test
  void eventAttributesWithCharactersTheApiRefusesAreListedNotDeadLetteredNorMerged() {
    String run = UUID.randomUUID().toString();
    String type = "vn.party.member.residence-feedback";
    String source = "/text-characters/test";
    // id, source, type, subject as JSON escapes (upper-case hex: the listed form), and the refusal
    String[][] attacks = {
      {run + "-nul\\u0000", source, type, null, "id: control-characters"},
      {run + "-twin\\uD800", source, type, null, "id: invalid-characters"},
      {run + "-twin\\uD801", source, type, null, "id: invalid-characters"},
      {run + "-type", source, type + "\\u0000", null, "type: control-characters"},
      {run + "-source", source + "\\u202E", type, null, "source: invalid-characters"},
      {run + "-subject", source, type, "member4\\u202E", "subject: invalid-characters"},
      {run + "-long" + "x".repeat(300), source, type, null, "id: too-long"}
    };
    String data;
    try {
      data = JSON.writeValueAsString(residence());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    for (String[] a : attacks) {
      String json =
          """
          {"specversion":"1.0","id":"%s","source":"%s","type":"%s",%s"datacontenttype":"application/json","data":%s}"""
              .formatted(
                  a[0], a[1], a[2], a[3] == null ? "" : "\"subject\":\"" + a[3] + "\",", data);
      send("member4", json.getBytes(StandardCharsets.UTF_8));
    }
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql(
                                "select count(*) from evaluation.unmatched_event where event_id like :run")
                            .param("run", run + "%")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(attacks.length));
    for (String[] a : attacks) {
      if (a[0].length() < 300) {
        assertThat(invalid(a[0])).as(a[0]).isEqualTo(a[4]);
      }
    }
    assertThat(
            jdbc.sql("select problem from evaluation.unmatched_event where event_id like :long")
                .param("long", run + "-long%")
                .query(String.class)
                .single())
        .isEqualTo("id: too-long");
    assertThat(
            jdbc.sql(
                    "select source || ' ' || coalesce(subject, '') from evaluation.unmatched_event"
                        + " where event_id in (:ids) order by event_id")
                .param("ids", List.of(run + "-source", run + "-subject"))
                .query(String.class)
                .list())
        .containsExactly(source + "\\u202E ", source + " member4\\u202E");
    assertThat(deadLettered(Duration.ofSeconds(2))).noneMatch(id -> id.startsWith(run));
  }

  /**
   * Issue 12, outsider's re-attack of 2026-12-06 (fourth session): a residence feedback whose comment and sender were
   * only Hangul fillers (U+3164) was taken, though the API treats such a text as blank since that day. Now a text
   * an inbound type requires that shows nothing (Hangul fillers, zero-width spaces, a Braille blank) is listed as
   * INVALID_DATA, {@code <field>: required}, for every inbound type, and nothing of it is stored.
   */
  @Test
  void everyRequiredInboundTextThatShowsNothingIsListedAsRequired() {
    List<Sent> sent = new ArrayList<>();
    for (Case c : cases()) {
      for (String blank : List.of("\\u3164", "\\u200b \\u3164\\u2800", "\\u115f\\u1160")) {
        sent.add(send(c, blank, FieldError.REQUIRED));
      }
    }
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              for (Sent s : sent) {
                assertThat(invalid(s.id())).as(s.toString()).contains(s.field() + ": required");
              }
            });
    for (String table :
        List.of(
            "residence_feedback",
            "unit_assessment",
            "discipline_decision",
            "organization_discipline_decision",
            "complaint")) {
      assertThat(storedFor(table)).as(table + " of " + YEAR).isZero();
    }
  }

  /**
   * Issue 12, outsider's re-attack of 2026-12-06 (fourth session): an event with {@code "id":""} was applied.
   * CloudEvents 1.0 requires {@code id}, {@code source} and {@code type} to be non-empty, and events are remembered by
   * source and id; now each is listed as INVALID_DATA, {@code id: required}, and not taken.
   */
  @Test
  void anEventWithAnEmptyIdIsListedAsRequiredAndNotTaken() {
    String source = "/text-characters/empty-id/" + UUID.randomUUID();
    String data;
    try {
      data = JSON.writeValueAsString(residence());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    String json =
        """
        {"specversion":"1.0","id":"%s","source":"%s","type":"vn.party.member.residence-feedback",\
        "datacontenttype":"application/json","data":%s}""";
    send("member4", json.formatted("", source, data).getBytes(StandardCharsets.UTF_8));
    send(
        "member4",
        json.formatted(" \\u3164", source + "/blank", data).getBytes(StandardCharsets.UTF_8));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql(
                                "select problem from evaluation.unmatched_event where source like :s"
                                    + " and reason = 'INVALID_DATA' order by source")
                            .param("s", source + "%")
                            .query(String.class)
                            .list())
                    .containsExactly("id: required", "id: required"));
    assertThat(
            jdbc.sql("select count(*) from evaluation.inbox where source like :s")
                .param("s", source + "%")
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(storedFor("residence_feedback")).isZero();
  }

  // --------------------------------------------------------------------------------------------------- helpers

  private record Case(String type, String field, Map<String, Object> base) {}

  private record Sent(String id, String type, String field, String reason) {}

  private static List<Case> cases() {
    return List.of(
        new Case("vn.party.member.residence-feedback", "comment", residence()),
        new Case("vn.party.member.residence-feedback", "submittedBy", residence()),
        new Case("vn.party.member.unit-assessment", "comment", unit()),
        new Case("vn.party.member.unit-assessment", "assessedBy", unit()),
        new Case("vn.party.member.disciplined", "decisionId", discipline()),
        new Case("vn.party.member.disciplined", "decidedBy", discipline()),
        new Case("vn.party.organization.disciplined", "decidedBy", organizationDiscipline()),
        new Case("vn.party.member.complaint", "grounds", complaint()),
        new Case("vn.party.member.complaint", "submittedBy", complaint()));
  }

  private Sent send(Case c, String escaped, String reason) {
    Map<String, Object> data = new LinkedHashMap<>(c.base());
    data.put(c.field(), "@@BAD@@");
    String json;
    try {
      json = JSON.writeValueAsString(data).replace("@@BAD@@", escaped);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    String id = UUID.randomUUID().toString();
    CloudEvent event =
        CloudEventBuilder.v1()
            .withId(id)
            .withSource(URI.create("/text-characters/test"))
            .withType(c.type())
            .withDataContentType("application/json")
            .withData(json.getBytes(StandardCharsets.UTF_8))
            .build();
    send(
        String.valueOf(data.getOrDefault("memberId", data.get("organizationId"))),
        EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).serialize(event));
    return new Sent(id, c.type(), c.field(), reason);
  }

  private String invalid(String eventId) {
    return jdbc.sql(
            "select problem from evaluation.unmatched_event where event_id = :id and reason = 'INVALID_DATA'")
        .param("id", eventId)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private int storedFor(String table) {
    return jdbc.sql("select count(*) from evaluation." + table + " where year = :y")
        .param("y", YEAR)
        .query(Integer.class)
        .single();
  }

  private List<String> deadLettered(Duration within) {
    List<String> ids = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : readAll("party.member-events.DLT", within)) {
      try {
        ids.add(cloudEvent(record).path("id").asText());
      } catch (RuntimeException notJson) {
        // other tests' poison records
      }
    }
    return ids;
  }

  private static Map<String, Object> residence() {
    return InboundEventData.residence("member4", YEAR, "Chi ủy khu dân cư");
  }

  private static Map<String, Object> unit() {
    return InboundEventData.unitAssessment("member4", YEAR);
  }

  private static Map<String, Object> discipline() {
    return InboundEventData.discipline("member4", YEAR);
  }

  private static Map<String, Object> organizationDiscipline() {
    return InboundEventData.organizationDiscipline(YEAR);
  }

  private static Map<String, Object> complaint() {
    return InboundEventData.complaint("member4", YEAR);
  }
}
