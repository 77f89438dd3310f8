package vn.party.evaluation.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.process.TextLimits;
import vn.party.evaluation.rules.Level;

/**
 * docs/asyncapi/asyncapi.yaml is a valid AsyncAPI 3.0 document (its official JSON Schema, committed in
 * src/test/resources/contracts), every message has a data schema that is itself a valid JSON Schema, every example
 * matches its schemas, the document names exactly the event types the service knows, and the lengths the inbound
 * schemas state are the ones the handlers enforce.
 */
class AsyncApiDocumentTest {

  @Test
  void theDocumentIsValidAsyncapi3() throws Exception {
    JsonNode asyncApiSchema;
    try (var in = getClass().getResourceAsStream("/contracts/asyncapi-3.0.0.schema.json")) {
      asyncApiSchema = Contracts.JSON.readTree(in);
    }
    Set<ValidationMessage> problems =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(asyncApiSchema)
            .validate(Contracts.asyncApi());
    assertThat(problems).isEmpty();
    assertThat(Contracts.asyncApi().path("asyncapi").asText()).isEqualTo("3.0.0");
  }

  /** The check above can fail: a document with a channel address that is not a string, or an unknown field, is refused. */
  @Test
  void aBrokenDocumentIsRefused() throws Exception {
    JsonNode asyncApiSchema;
    try (var in = getClass().getResourceAsStream("/contracts/asyncapi-3.0.0.schema.json")) {
      asyncApiSchema = Contracts.JSON.readTree(in);
    }
    var validator =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(asyncApiSchema);
    var broken = (com.fasterxml.jackson.databind.node.ObjectNode) Contracts.asyncApi().deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/channels/evaluationEvents"))
        .put("address", 42);
    assertThat(validator.validate(broken)).isNotEmpty();
    var unknown = (com.fasterxml.jackson.databind.node.ObjectNode) Contracts.asyncApi().deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) unknown.at("/info")).put("owner", "nobody");
    assertThat(validator.validate(unknown)).isNotEmpty();
  }

  @Test
  void everySchemaIsAValidJsonSchema() throws Exception {
    var metaSchema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(SchemaLocation.of("https://json-schema.org/draft-07/schema"));
    try (Stream<Path> files = Files.list(Contracts.SCHEMAS)) {
      files.forEach(
          file ->
              assertThat(metaSchema.validate(Contracts.read(file))).as(file.toString()).isEmpty());
    }
  }

  @Test
  void everyMessageHasItsDataSchemaAndAnExampleThatMatches() {
    Map<String, Contracts.Message> messages = Contracts.messages();
    assertThat(messages).hasSize(23);
    messages
        .values()
        .forEach(
            message -> {
              assertThat(message.dataSchemaFile())
                  .as(message.type())
                  .exists()
                  .isEqualTo(Contracts.SCHEMAS.resolve(message.type() + ".json").normalize());
              JsonNode example = message.example();
              assertThat(example.path("type").asText()).isEqualTo(message.type());
              assertThat(Contracts.problems(example)).as(message.type()).isEmpty();
              assertThat(message.node().at("/bindings/kafka/key/description").asText())
                  .as(message.type())
                  .isNotBlank();
              if (message.inbound()) {
                assertThat(message.node().path("x-producers"))
                    .as("who may produce " + message.type())
                    .isNotEmpty();
              } else {
                assertThat(example.path("dataschema").asText())
                    .endsWith("/asyncapi/schemas/" + message.type() + ".json");
              }
            });
  }

  @Test
  void theDocumentNamesEveryEventTypeOfTheServiceAndNoOther() {
    Set<String> types =
        Arrays.stream(EventTypes.class.getFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
            .map(AsyncApiDocumentTest::value)
            .collect(Collectors.toSet());
    assertThat(Contracts.messages().keySet()).containsExactlyInAnyOrderElementsOf(types);
    Set<String> inbound =
        Contracts.messages().values().stream()
            .filter(Contracts.Message::inbound)
            .map(Contracts.Message::type)
            .collect(Collectors.toSet());
    assertThat(inbound)
        .allMatch(
            type ->
                type.startsWith("vn.party.member.") || type.startsWith("vn.party.organization."));
  }

  /**
   * The lengths in the inbound schemas are the handlers' limits, read from where they are enforced: when a limit
   * changes in the code (or moves to another class), this fails until the schema says the same.
   */
  @Test
  void inboundLengthsAreTheLimitsTheHandlersEnforce() throws Exception {
    // one length per text: the service's limits are TextLimits' constants (issue 12), and the
    // schemas state them
    int memberId = TextLimits.ID;
    int name = TextLimits.NAME;
    int text = TextLimits.UNIT_ASSESSMENT_COMMENT;
    int residenceComment = TextLimits.RESIDENCE_COMMENT;
    int grounds = TextLimits.COMPLAINT_GROUNDS;
    assertMaxLength(
        EventTypes.RESIDENCE_FEEDBACK,
        Map.of("memberId", memberId, "comment", residenceComment, "submittedBy", name));
    assertMaxLength(
        EventTypes.UNIT_ASSESSMENT,
        Map.of("memberId", memberId, "comment", text, "assessedBy", name));
    // dates: yyyy-mm-dd
    assertMaxLength(
        EventTypes.DISCIPLINED,
        Map.of(
            "memberId",
            memberId,
            "decisionId",
            TextLimits.DECISION_ID,
            "decidedOn",
            10,
            "decidedBy",
            name));
    assertMaxLength(
        EventTypes.ORGANIZATION_DISCIPLINED,
        Map.of(
            "organizationId",
            memberId,
            "decisionId",
            TextLimits.DECISION_ID,
            "decidedOn",
            10,
            "decidedBy",
            name));
    assertMaxLength(
        EventTypes.MEMBER_COMPLAINT,
        Map.of("memberId", memberId, "grounds", grounds, "submittedBy", name));
    // the enums are the service's
    assertEnum(EventTypes.DISCIPLINED, "form", vn.party.evaluation.caps.DisciplineForm.values());
    assertEnum(
        EventTypes.ORGANIZATION_DISCIPLINED,
        "form",
        vn.party.evaluation.collective.OrganizationDisciplineForm.values());
    assertThat(
            Contracts.read(Contracts.SCHEMAS.resolve(EventTypes.UNIT_ASSESSMENT + ".json"))
                .at("/properties/civilServiceLevel/enum")
                .toString())
        .isEqualTo(
            Arrays.stream(Level.values())
                .map(l -> "\"" + l.name() + "\"")
                .collect(Collectors.joining(",", "[", ",null]")));
  }

  private static void assertMaxLength(String type, Map<String, Integer> limits) {
    JsonNode schema = Contracts.read(Contracts.SCHEMAS.resolve(type + ".json"));
    limits.forEach(
        (field, limit) ->
            assertThat(schema.at("/properties/" + field + "/maxLength").asInt())
                .as(type + " " + field)
                .isEqualTo(limit));
    schema
        .path("properties")
        .properties()
        .forEach(
            p -> {
              if ("string".equals(p.getValue().path("type").asText())
                  && !p.getValue().has("enum")) {
                assertThat(limits)
                    .as(type + " " + p.getKey() + " has a stated limit")
                    .containsKey(p.getKey());
              }
            });
  }

  private static void assertEnum(String type, String field, Enum<?>[] values) {
    JsonNode schema = Contracts.read(Contracts.SCHEMAS.resolve(type + ".json"));
    assertThat(schema.at("/properties/" + field + "/enum").toString())
        .isEqualTo(
            Arrays.stream(values)
                .map(v -> "\"" + v.name() + "\"")
                .collect(Collectors.joining(",", "[", "]")));
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
