package vn.party.evaluation.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's event catalogue is generated from docs/asyncapi (one source). After a change to the AsyncAPI
 * document or a schema: {@code mvn -pl evaluation-service -am test -Dtest=EventCatalogueTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcatalogue.write=true} rewrites the block in README.md.
 */
class EventCatalogueTest {

  static final String BEGIN =
      "<!-- event-catalogue:begin — generated from docs/asyncapi by EventCatalogueTest "
          + "(-Dcatalogue.write=true); do not edit by hand -->";
  static final String END = "<!-- event-catalogue:end -->";
  private static final Path README = Contracts.REPOSITORY.resolve("README.md");

  @Test
  void theReadmeCatalogueIsTheOneTheAsyncapiDocumentGenerates() throws IOException {
    String readme = Files.readString(README);
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    assertThat(begin).as("README.md has the catalogue markers").isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String generated = BEGIN + "\n" + catalogue() + END;
    String current = readme.substring(begin, end + END.length());
    if (Boolean.getBoolean("catalogue.write")) {
      Files.writeString(
          README, readme.substring(0, begin) + generated + readme.substring(end + END.length()));
      current = generated;
    }
    assertThat(current)
        .as(
            "README.md's event catalogue is out of date: rerun EventCatalogueTest with "
                + "-Dcatalogue.write=true")
        .isEqualTo(generated);
  }

  /** One row per message: topic, type, key, data fields (optional ones marked ?), who may produce it. */
  static String catalogue() {
    StringBuilder out =
        new StringBuilder(
            """
        | topic | type | key | data (`?` optional; limits as enforced) | produced by |
        |---|---|---|---|---|
        """);
    for (Contracts.Message message : Contracts.messages().values()) {
      String producers =
          message.inbound()
              ? producers(message.node().path("x-producers"))
              : "evaluation-service (outbox)";
      out.append("| `")
          .append(message.topic())
          .append(message.inbound() ? "` (in)" : "`")
          .append(" | `")
          .append(message.type())
          .append("` | ")
          .append(message.node().at("/bindings/kafka/key/description").asText())
          .append(" | ")
          .append(fields(Contracts.read(message.dataSchemaFile())))
          .append(" | ")
          .append(producers)
          .append(" |\n");
    }
    out.append(
        "| `party.member-events.DLT`, `evaluation.events.DLT` | records that are not CloudEvents, with the "
            + "reason in the `kafka_dlt-exception-*` headers | | | |\n");
    return out.toString();
  }

  private static String fields(JsonNode schema) {
    Set<String> required = new HashSet<>(streamText(schema.path("required")));
    List<String> fields = new ArrayList<>();
    schema
        .path("properties")
        .properties()
        .forEach(
            p -> {
              JsonNode field = p.getValue();
              StringBuilder text = new StringBuilder(p.getKey());
              if ("array".equals(field.path("type").asText())) {
                text.append("[]");
              }
              if (!required.contains(p.getKey())) {
                text.append('?');
              }
              List<String> notes = new ArrayList<>();
              if (field.has("enum")) {
                notes.add(
                    streamText(field.path("enum")).stream()
                        .map(v -> v.equals("null") ? "null" : v)
                        .collect(Collectors.joining(" \\| ")));
              }
              if (field.has("maxLength")) {
                notes.add("≤ " + field.path("maxLength").asInt());
              }
              if (field.has("minimum") && field.has("maximum")) {
                notes.add(field.path("minimum").asText() + "–" + field.path("maximum").asText());
              }
              if (!notes.isEmpty()) {
                text.append(" (").append(String.join(", ", notes)).append(')');
              }
              fields.add(text.toString());
            });
    return String.join(", ", fields);
  }

  /** Who may produce an inbound type, with their Kafka principal and own topic. */
  private static String producers(JsonNode producers) {
    List<String> texts = new ArrayList<>();
    producers.forEach(
        p ->
            texts.add(
                p.path("who").asText()
                    + ": principal `"
                    + p.path("principal").asText()
                    + "`, topic `"
                    + p.path("topic").asText()
                    + "`"));
    return String.join("; ", texts);
  }

  private static List<String> streamText(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.isNull() ? "null" : v.asText()));
    return values;
  }
}
