package vn.party.notification.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.party.notification.inbox.AccountChangedData;
import vn.party.notification.inbox.AccountEmailChangedData;
import vn.party.notification.inbox.AccountSignInThrottledData;
import vn.party.notification.inbox.CaseReturnedData;
import vn.party.notification.inbox.EvaluationEventDeserializer;
import vn.party.notification.inbox.EventTypes;
import vn.party.notification.inbox.InboundEvent;
import vn.party.notification.inbox.MemberDecidedData;
import vn.party.notification.inbox.MemberLevelAdjustedData;
import vn.party.notification.inbox.MemberReappraisedData;
import vn.party.notification.inbox.MemberReratedData;
import vn.party.notification.inbox.ResultAnnouncedData;
import vn.party.notification.inbox.TaskAssignedData;
import vn.party.notification.inbox.TaskOverdueData;
import vn.party.notification.inbox.TaskReminderData;
import vn.party.notification.inbox.UnhandledEvent;

/**
 * The consumer side of the event contract (issue 16): notification-service reads evaluation-service's events
 * through the published schemas (docs/asyncapi, the same files evaluation-service serves and checks its outbox
 * against). For each type this service acts on:
 * <ul>
 *   <li>the document's example matches the schema and this service's reader takes it;</li>
 *   <li>the smallest event the schema allows (only its required fields) is taken too, so nothing this service
 *       insists on is optional for the producer;</li>
 *   <li>every field this service reads is a field of the schema, and every field it requires is required there.</li>
 * </ul>
 * A change to a schema that breaks this service (a field renamed, removed or made optional) fails this build; a
 * producer that strays from the schema fails evaluation-service's (its outbox is checked against the same files).
 */
class EventContractTest {

  private static final Path ASYNCAPI = Path.of("..", "docs", "asyncapi");
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .configure(
              DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
              false); // as Spring Boot's, in production
  private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
  private static final JsonSchemaFactory SCHEMAS =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

  private final EvaluationEventDeserializer reader =
      new EvaluationEventDeserializer(
          JSON, VALIDATION.getValidator(), ZoneId.of("Asia/Ho_Chi_Minh"));

  @AfterAll
  static void close() {
    VALIDATION.close();
  }

  static Map<String, Class<? extends Record>> readTypes() {
    Map<String, Class<? extends Record>> types = new LinkedHashMap<>();
    types.put(EventTypes.TASK_ASSIGNED, TaskAssignedData.class);
    types.put(EventTypes.TASK_REMINDER, TaskReminderData.class);
    types.put(EventTypes.TASK_OVERDUE, TaskOverdueData.class);
    types.put(EventTypes.CASE_RETURNED, CaseReturnedData.class);
    types.put(EventTypes.MEMBER_DECIDED, MemberDecidedData.class);
    types.put(EventTypes.RESULT_ANNOUNCED, ResultAnnouncedData.class);
    types.put(EventTypes.MEMBER_RERATED, MemberReratedData.class);
    types.put(EventTypes.MEMBER_REAPPRAISED, MemberReappraisedData.class);
    types.put(EventTypes.MEMBER_LEVEL_ADJUSTED, MemberLevelAdjustedData.class);
    types.put(EventTypes.ACCOUNT_SIGN_IN_THROTTLED, AccountSignInThrottledData.class);
    types.put(EventTypes.ACCOUNT_CHANGED, AccountChangedData.class);
    types.put(EventTypes.ACCOUNT_EMAIL_CHANGED, AccountEmailChangedData.class);
    return types;
  }

  static List<String> types() {
    List<String> constants =
        Arrays.stream(EventTypes.class.getFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
            .map(
                f -> {
                  try {
                    return (String) f.get(null);
                  } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .toList();
    assertThat(readTypes().keySet())
        .as("every type this service acts on is checked here")
        .containsExactlyInAnyOrderElementsOf(constants);
    return constants;
  }

  @ParameterizedTest
  @MethodSource("types")
  void theDocumentedExampleMatchesTheSchemaAndIsRead(String type) throws Exception {
    JsonNode event = example(type);
    assertThat(schema(type).validate(event.path("data"))).as(type).isEmpty();
    InboundEvent read = reader.deserialize("evaluation.events", JSON.writeValueAsBytes(event));
    assertThat(read.payload())
        .isInstanceOf(readTypes().get(type))
        .isNotInstanceOf(UnhandledEvent.class);
    assertThat(read.type()).isEqualTo(type);
  }

  @ParameterizedTest
  @MethodSource("types")
  void theSmallestEventTheSchemaAllowsIsRead(String type) throws Exception {
    ObjectNode event = example(type).deepCopy();
    JsonNode schemaNode = schemaNode(type);
    Set<String> keep = new HashSet<>(strings(schemaNode.path("required")));
    if (schemaNode.has(
        "anyOf")) { // e.g. a member (memberId, memberName) or a subjectName: the first way
      keep.addAll(strings(schemaNode.at("/anyOf/0/required")));
    }
    ObjectNode data = (ObjectNode) event.path("data");
    data.retain(keep);
    assertThat(schema(type).validate(data)).as(type + " " + data).isEmpty();
    InboundEvent read = reader.deserialize("evaluation.events", JSON.writeValueAsBytes(event));
    assertThat(read.payload()).as(type + " with only " + keep).isInstanceOf(readTypes().get(type));
  }

  @ParameterizedTest
  @MethodSource("types")
  void everyFieldReadIsInTheSchemaAndEveryFieldRequiredIsRequiredThere(String type)
      throws Exception {
    JsonNode schemaNode = schemaNode(type);
    Set<String> properties = new HashSet<>();
    schemaNode.path("properties").fieldNames().forEachRemaining(properties::add);
    List<String> required = strings(schemaNode.path("required"));
    Class<? extends Record> data = readTypes().get(type);
    for (RecordComponent component : data.getRecordComponents()) {
      assertThat(properties)
          .as(type + ": " + data.getSimpleName() + " reads " + component.getName())
          .contains(component.getName());
      var field = data.getDeclaredField(component.getName());
      boolean insists =
          field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(NotBlank.class);
      if (insists) {
        assertThat(required)
            .as(type + ": " + component.getName() + " is required by " + data.getSimpleName())
            .contains(component.getName());
      }
    }
  }

  private static JsonNode example(String type) throws IOException {
    JsonNode doc =
        new ObjectMapper(new YAMLFactory())
            .readTree(Files.readString(ASYNCAPI.resolve("asyncapi.yaml")));
    return StreamSupport.stream(doc.at("/components/messages").spliterator(), false)
        .filter(message -> type.equals(message.path("name").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(type + " is not in docs/asyncapi/asyncapi.yaml"))
        .at("/examples/0/payload");
  }

  private static JsonNode schemaNode(String type) throws IOException {
    return JSON.readTree(Files.readString(ASYNCAPI.resolve("schemas/" + type + ".json")));
  }

  private static JsonSchema schema(String type) throws IOException {
    return SCHEMAS.getSchema(
        schemaNode(type), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asText()));
    return values;
  }
}
