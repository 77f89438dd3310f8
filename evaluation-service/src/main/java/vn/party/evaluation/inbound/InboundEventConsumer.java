package vn.party.evaluation.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.party.evaluation.contracts.EventSchemas;
import vn.party.evaluation.messaging.CloudEventReader;
import vn.party.evaluation.process.TextLimits;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.process.validation.TextCharacters;

/**
 * The one listener of the inbound topics ({@code party.member-events} and each outside producer's own
 * {@code party.member-events.<producer>}). Each record is read as a CloudEvent, then, in this order:
 * <ol>
 *   <li>its attributes ({@code id}, {@code source}, {@code type}, {@code subject}) must hold only characters the
 *   API takes and fit their columns, else it is kept as unmatched ({@code INVALID_DATA}, e.g.
 *   {@code id: control-characters}) under a readable form of them ({@link UnmatchedEvents#keepRefusedAttributes});</li>
 *   <li>the topic's producer must be allowed to send its type ({@link InboundProducers}), else it is kept as
 *   unmatched ({@code PRODUCER_NOT_ALLOWED});</li>
 *   <li>a type no handler takes is kept as unmatched ({@code UNSUPPORTED_TYPE}) rather than dropped;</li>
 *   <li>the data must match its type's published JSON Schema (docs/asyncapi/schemas), else it is kept as unmatched
 *   ({@code INVALID_DATA}) with the schema's message, and no handler sees it;</li>
 *   <li>every text must hold only characters the API takes ({@link TextCharacters}), else it is kept as unmatched
 *   ({@code INVALID_DATA}) naming the field and the reason, e.g. {@code comment: control-characters}.</li>
 * </ol>
 * Unreadable records are dead-lettered by the container's error handler.
 */
@Component
public class InboundEventConsumer {

  private static final Logger log = LoggerFactory.getLogger(InboundEventConsumer.class);

  private final CloudEventReader reader;
  private final Map<String, InboundEventHandler> handlers;
  private final UnmatchedEvents unmatched;
  private final InboundProducers producers;
  private final EventSchemas schemas;

  public InboundEventConsumer(
      CloudEventReader reader,
      List<InboundEventHandler> handlers,
      UnmatchedEvents unmatched,
      InboundProducers producers,
      EventSchemas schemas) {
    this.reader = reader;
    this.handlers =
        handlers.stream()
            .collect(Collectors.toMap(InboundEventHandler::eventType, Function.identity()));
    this.unmatched = unmatched;
    this.producers = producers;
    this.schemas = schemas;
  }

  /** The shared topic and every producer's own topic ({@link InboundProducers}). */
  @KafkaListener(topics = "#{@inboundProducers.topics()}")
  public void onMemberEvent(ConsumerRecord<String, byte[]> record) {
    CloudEvent event = reader.read(record);
    List<String> attributes = attributeProblems(event);
    if (!attributes.isEmpty()) {
      // before anything that remembers the event by its id and source (issue 12, outsiders'
      // recheck): a NUL in the id made the inbox's row fail and the event went to the dead-letter
      // topic unlisted, and ids differing by a lone surrogate were remembered alike (the second
      // taken for a redelivery)
      log.warn("an event has attributes the API would refuse: {}; kept as unmatched", attributes);
      JsonNode data = readable(event);
      unmatched.keepRefusedAttributes(
          event, year(data), text(data, "memberId"), String.join("; ", attributes));
      return;
    }
    Optional<String> refusal = producers.refusal(record.topic(), event.getType());
    if (refusal.isPresent()) {
      // the topic says who wrote it (only that principal may); the event's own source proves
      // nothing
      log.warn(
          "event {} of type {} on {}: {} may not send this type; kept as unmatched",
          event.getId(),
          event.getType(),
          record.topic(),
          refusal.get());
      unmatched.keepNotAllowed(event, memberIdOf(event));
      return;
    }
    InboundEventHandler handler = handlers.get(event.getType());
    if (handler == null) {
      log.warn(
          "no handler for event type {} ({} from {}): kept as unmatched",
          event.getType(),
          event.getId(),
          event.getSource());
      unmatched.keepUnsupported(event);
      return;
    }
    JsonNode data = reader.data(event);
    List<String> problems = schemas.problems(event.getType(), data);
    if (!problems.isEmpty()) {
      log.warn(
          "event {} from {} ({}) does not match its schema: {}",
          event.getId(),
          event.getSource(),
          event.getType(),
          problems);
      unmatched.keepInvalid(event, year(data), text(data, "memberId"), String.join("; ", problems));
      return;
    }
    List<String> characters = characterProblems(data);
    characters.addAll(blankProblems(data, schemas.requiredTexts(event.getType())));
    if (!characters.isEmpty()) {
      // what the API refuses is refused here too (issue 12): a lone surrogate was stored as "?", a
      // bidirectional override shown, a NUL lost the event in the dead-letter topic
      log.warn(
          "event {} from {} ({}) has text the API refuses: {}",
          event.getId(),
          event.getSource(),
          event.getType(),
          characters);
      unmatched.keepInvalid(
          event, year(data), text(data, "memberId"), String.join("; ", characters));
      return;
    }
    handler.handle(event, data);
  }

  /**
   * The CloudEvent attributes this service keeps and remembers the event by ({@code id}, {@code source},
   * {@code type}, {@code subject}) that it refuses, as {@code "<attribute>: <reason>"}: characters
   * {@link TextCharacters} refuses, and line breaks and tabs too (they are identifiers); longer than the columns
   * that keep them ({@code too-long}).
   */
  static List<String> attributeProblems(CloudEvent event) {
    List<String> problems = new ArrayList<>();
    attribute(problems, "id", event.getId(), UnmatchedEvents.MAX_ID, true);
    attribute(
        problems,
        "source",
        event.getSource() == null ? null : event.getSource().toString(),
        UnmatchedEvents.MAX_SOURCE,
        true);
    attribute(problems, "type", event.getType(), UnmatchedEvents.MAX_TYPE, true);
    attribute(problems, "subject", event.getSubject(), UnmatchedEvents.MAX_SUBJECT, false);
    return problems;
  }

  private static void attribute(
      List<String> problems, String name, String value, int max, boolean required) {
    if (value == null || TextCharacters.blank(value)) {
      // CloudEvents 1.0: id, source and type are non-empty; an event is remembered by source and
      // id, so an empty id would make every such event one (issue 12, fourth session)
      if (required) {
        problems.add(name + ": " + FieldError.REQUIRED);
      }
      if (value == null || value.isEmpty()) {
        return;
      }
    }
    String reason = TextCharacters.problem(value);
    if (reason == null && value.chars().anyMatch(Character::isISOControl)) {
      reason = FieldError.CONTROL_CHARACTERS;
    }
    if (reason == null && value.length() > max) {
      reason = FieldError.TOO_LONG;
    }
    if (reason != null) {
      problems.add(name + ": " + reason);
    }
  }

  /** The data if it can be read, to show the member and year beside the refusal; else none. */
  private JsonNode readable(CloudEvent event) {
    try {
      return reader.data(event);
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  /**
   * Each text of the data (at any depth) that {@link TextCharacters} refuses, as {@code "<field>: <reason>"}, e.g.
   * {@code "comment: invalid-characters"}: the same characters the API and the engine refuse (control characters
   * other than line breaks and tabs, NUL among them; lone surrogates; bidirectional overrides and isolates). Field
   * names are checked too; the text itself is not repeated.
   */
  static List<String> characterProblems(JsonNode data) {
    List<String> problems = new ArrayList<>();
    collect("", data, problems);
    return problems;
  }

  private static void collect(String path, JsonNode node, List<String> problems) {
    if (node == null) {
      return;
    }
    if (node.isTextual()) {
      String reason = TextCharacters.problem(node.textValue());
      if (reason != null) {
        problems.add((path.isEmpty() ? "data" : path) + ": " + reason);
      }
    } else if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              entry -> {
                String name = entry.getKey();
                String reason = TextCharacters.problem(name);
                String where = reason == null ? name : "(" + reason + ")";
                if (reason != null) {
                  problems.add((path.isEmpty() ? "" : path + ".") + where + ": " + reason);
                }
                collect(path.isEmpty() ? where : path + "." + where, entry.getValue(), problems);
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(path + "[" + i + "]", node.get(i), problems);
      }
    }
  }

  /**
   * Each text the type's schema requires ({@link EventSchemas#requiredTexts}) that shows nothing to a reader (only
   * whitespace, Hangul fillers, zero-width spaces: {@link TextCharacters#blank}), as {@code "<field>: required"}, the
   * way the API treats such a text as missing.
   */
  static List<String> blankProblems(JsonNode data, List<String> requiredTexts) {
    List<String> problems = new ArrayList<>();
    for (String field : requiredTexts) {
      JsonNode node = data == null ? null : data.get(field);
      if (node != null && node.isTextual() && TextCharacters.blank(node.textValue())) {
        problems.add(field + ": " + FieldError.REQUIRED);
      }
    }
    return problems;
  }

  /** The year, when it is one (the list shows it); anything else is left out, the problem says why. */
  private static Integer year(JsonNode data) {
    JsonNode year = data == null ? null : data.get("year");
    return year != null && year.isIntegralNumber() && year.canConvertToInt()
        ? year.intValue()
        : null;
  }

  /** A text field of the data when it is readable text of a sane length; otherwise none (the data is kept). */
  private static String text(JsonNode data, String field) {
    JsonNode node = data == null ? null : data.get(field);
    return node != null
            && node.isTextual()
            && node.asText().length() <= TextLimits.ID
            && TextCharacters.problem(node.asText()) == null
        ? node.asText()
        : null;
  }

  private String memberIdOf(CloudEvent event) {
    try {
      return text(reader.data(event), "memberId");
    } catch (RuntimeException unreadable) {
      return null;
    }
  }
}
