package vn.party.evaluation.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import vn.party.evaluation.EvaluationProperties;

/**
 * The JSON Schemas of the events' {@code data}, one per CloudEvent type (docs/asyncapi/schemas, on the classpath
 * under {@code static/asyncapi/schemas} and so served at {@code /asyncapi/schemas/{type}.json}). The same files are
 * the published contract, what outgoing events name in {@code dataschema}, and what incoming data is checked
 * against: one source, so the document cannot say one thing and the service do another.
 */
@Component
public class EventSchemas {

  /** Where the schemas are served, under the public URL. */
  public static final String PATH = "/asyncapi/schemas/";

  private static final String LOCATION = "static" + PATH;

  private final ObjectMapper objectMapper;
  private final String publicUrl;
  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
  // messages in English whatever the machine's locale (they go to the producer, and into tests)
  private final SchemaValidatorsConfig config =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).locale(Locale.ENGLISH).build();
  private final Map<String, Optional<JsonSchema>> schemas = new ConcurrentHashMap<>();

  public EventSchemas(ObjectMapper objectMapper, EvaluationProperties properties) {
    this.objectMapper = objectMapper;
    this.publicUrl = properties.publicUrl();
  }

  /** The stable URL of the type's schema, for the CloudEvent's {@code dataschema}. */
  public URI dataSchema(String type) {
    return URI.create(publicUrl + PATH + type + ".json");
  }

  public boolean has(String type) {
    return schema(type).isPresent();
  }

  /**
   * What is wrong with {@code data} for its type, one message per problem naming the field (e.g.
   * {@code /comment: must be at most 10,000 characters long}); empty when it matches or the type has no schema.
   */
  public List<String> problems(String type, JsonNode data) {
    return schema(type)
        .map(
            schema ->
                schema.validate(data).stream().map(ValidationMessage::getMessage).sorted().toList())
        .orElse(List.of());
  }

  /**
   * The data's top-level fields the type's schema requires as text (e.g. {@code comment}, {@code submittedBy}): the
   * schema's {@code \\S} pattern takes a text of only Hangul fillers or zero-width spaces, which a reader sees as
   * blank, so the consumer refuses those as missing the way the API does (issue 12, fourth session).
   */
  public List<String> requiredTexts(String type) {
    return schema(type)
        .map(
            schema -> {
              JsonNode node = schema.getSchemaNode();
              JsonNode properties = node.path("properties");
              List<String> texts = new ArrayList<>();
              node.path("required")
                  .forEach(
                      name -> {
                        JsonNode property = properties.path(name.asText());
                        if ("string".equals(property.path("type").asText())) {
                          texts.add(name.asText());
                        }
                      });
              return List.copyOf(texts);
            })
        .orElse(List.of());
  }

  private Optional<JsonSchema> schema(String type) {
    return schemas.computeIfAbsent(type, this::load);
  }

  private Optional<JsonSchema> load(String type) {
    if (!type.matches("[a-z0-9.-]+")) {
      return Optional.empty(); // a type from outside never names a path
    }
    try (InputStream in =
        EventSchemas.class.getClassLoader().getResourceAsStream(LOCATION + type + ".json")) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(factory.getSchema(objectMapper.readTree(in), config));
    } catch (IOException e) {
      throw new UncheckedIOException("schema of " + type + " unreadable", e);
    }
  }
}
