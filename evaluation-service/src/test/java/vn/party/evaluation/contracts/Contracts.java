package vn.party.evaluation.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** The committed contracts (docs/asyncapi) as the tests read them: the AsyncAPI document and the data schemas. */
public final class Contracts {

  /** Surefire runs in the module's directory. */
  public static final Path ASYNCAPI_DIR = Path.of("..", "docs", "asyncapi");

  public static final Path SCHEMAS = ASYNCAPI_DIR.resolve("schemas");
  public static final Path REPOSITORY = Path.of("..");

  static final ObjectMapper JSON = new ObjectMapper();
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder()
          .formatAssertionsEnabled(true)
          .locale(java.util.Locale.ENGLISH)
          .build();
  private static final Map<Path, JsonSchema> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

  private Contracts() {}

  public static JsonNode asyncApi() {
    return read(ASYNCAPI_DIR.resolve("asyncapi.yaml"));
  }

  public static JsonNode read(Path file) {
    try {
      String name = file.getFileName().toString();
      return (name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON)
          .readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The messages of the document by their name (the CloudEvent type), with their channel's address. */
  public static Map<String, Message> messages() {
    JsonNode doc = asyncApi();
    Map<String, Message> messages = new LinkedHashMap<>();
    doc.path("channels")
        .properties()
        .forEach(
            channel ->
                channel
                    .getValue()
                    .path("messages")
                    .properties()
                    .forEach(
                        ref -> {
                          String pointer = ref.getValue().path("$ref").asText().substring(1);
                          JsonNode message = doc.at(pointer);
                          // the shared topic comes first; a producer's own topic (issue 12) carries
                          // the same message again
                          messages.putIfAbsent(
                              message.path("name").asText(),
                              new Message(
                                  message.path("name").asText(),
                                  channel.getValue().path("address").asText(),
                                  message));
                        }));
    return messages;
  }

  public record Message(String type, String topic, JsonNode node) {

    public boolean inbound() {
      return "party.member-events".equals(topic);
    }

    public Path dataSchemaFile() {
      JsonNode parts = node.at("/payload/allOf");
      String ref =
          StreamSupport.stream(parts.spliterator(), false)
              .map(p -> p.at("/properties/data/$ref"))
              .filter(JsonNode::isTextual)
              .findFirst()
              .orElseThrow()
              .asText();
      return ASYNCAPI_DIR.resolve(ref).normalize();
    }

    public JsonNode example() {
      return node.at("/examples/0/payload");
    }
  }

  public static JsonSchema schema(Path file) {
    return CACHE.computeIfAbsent(
        file.toAbsolutePath().normalize(), path -> FACTORY.getSchema(read(path), CONFIG));
  }

  public static JsonSchema dataSchema(String type) {
    Path file = SCHEMAS.resolve(type + ".json");
    if (!Files.exists(file)) {
      throw new AssertionError(
          "no schema for event type "
              + type
              + ": add docs/asyncapi/schemas/"
              + type
              + ".json and its message in docs/asyncapi/asyncapi.yaml");
    }
    return schema(file);
  }

  /** What is wrong with a whole CloudEvent (structured JSON): the envelope, then its data against its type. */
  public static List<String> problems(JsonNode event) {
    List<String> problems =
        new java.util.ArrayList<>(
            schema(SCHEMAS.resolve("cloudevent.json")).validate(event).stream()
                .map(ValidationMessage::getMessage)
                .toList());
    String type = event.path("type").asText();
    problems.addAll(
        dataSchema(type).validate(event.path("data")).stream()
            .map(m -> type + " " + m.getMessage())
            .toList());
    return problems;
  }
}
