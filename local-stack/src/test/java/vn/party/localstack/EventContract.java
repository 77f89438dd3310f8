package vn.party.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published event contract (docs/asyncapi, issue 16) as the end-to-end tests check it: every event read from
 * Kafka has the CloudEvents envelope with its {@code dataschema}, and its data matches its type's JSON Schema.
 */
final class EventContract {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).locale(Locale.ENGLISH).build();
  private final Path schemas;
  private final Map<String, JsonSchema> cache = new ConcurrentHashMap<>();

  EventContract(Path repositoryRoot) {
    this.schemas = repositoryRoot.resolve("docs/asyncapi/schemas");
  }

  /** What is wrong with the event (structured JSON), one line per problem; empty when it keeps the contract. */
  List<String> problems(JsonNode event) {
    String type = event.path("type").asText();
    String id = type + " " + event.path("id").asText() + ": ";
    List<String> problems = new ArrayList<>();
    schema("cloudevent").validate(event).forEach(m -> problems.add(id + m.getMessage()));
    if (!Files.exists(schemas.resolve(type + ".json"))) {
      problems.add(id + "no schema in docs/asyncapi/schemas");
      return problems;
    }
    if (!event.path("dataschema").asText().endsWith("/asyncapi/schemas/" + type + ".json")) {
      problems.add(id + "dataschema " + event.path("dataschema") + " is not its schema's URL");
    }
    schema(type).validate(event.path("data")).forEach(m -> problems.add(id + m.getMessage()));
    return problems;
  }

  private JsonSchema schema(String name) {
    return cache.computeIfAbsent(
        name,
        n -> {
          try {
            return FACTORY.getSchema(
                JSON.readTree(Files.readString(schemas.resolve(n + ".json"))), CONFIG);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
