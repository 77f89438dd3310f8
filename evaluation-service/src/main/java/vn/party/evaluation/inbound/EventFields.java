package vn.party.evaluation.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import vn.party.evaluation.messaging.UnreadableEventException;
import vn.party.evaluation.process.TextLimits;

/**
 * Reads the data fields of an inbound fact event. Anything it cannot read is an {@link UnreadableEventException}
 * (dead-lettered with the reason): a fact read wrongly would cap, or fail to cap, a member's level. One reading for every
 * inbound handler, so that the same field is refused for the same reason whatever the event type.
 */
public final class EventFields {

  // the limits live in TextLimits (one length per text, issue 12); these names stay for the
  // handlers
  public static final int MAX_MEMBER_ID = TextLimits.ID;
  public static final int MAX_NAME = TextLimits.NAME;
  public static final int MAX_DECISION_ID = TextLimits.DECISION_ID;

  private final CloudEvent event;
  private final JsonNode data;

  public EventFields(CloudEvent event, JsonNode data) {
    this.event = event;
    this.data = data;
  }

  public String text(String field, int maxLength) {
    JsonNode node = data.get(field);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw unreadable(field + " missing or not text");
    }
    if (node.asText().length() > maxLength) {
      throw unreadable(field + " longer than " + maxLength);
    }
    return node.asText();
  }

  public int year() {
    JsonNode year = data.get("year");
    if (year == null
        || !year.canConvertToInt()
        || year.isFloatingPointNumber()
        || year.asInt() < 2000
        || year.asInt() > 2100) {
      throw unreadable("year missing or invalid");
    }
    return year.asInt();
  }

  /** A boolean that may be left out (false); anything else than true/false is refused, not guessed. */
  public boolean optionalFlag(String field) {
    JsonNode node = data.get(field);
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      throw unreadable(field + " must be true or false");
    }
    return node.booleanValue();
  }

  /** A number 0–100 that may be left out (null); text, or a number out of range, is refused. */
  public Double optionalPercent(String field) {
    JsonNode node = data.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isNumber()
        || !Double.isFinite(node.doubleValue())
        || node.doubleValue() < 0
        || node.doubleValue() > 100) {
      throw unreadable(field + " must be a number from 0 to 100");
    }
    return node.doubleValue();
  }

  public LocalDate date(String field) {
    String text = text(field, 10);
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw unreadable(field + " must be a date (yyyy-mm-dd)");
    }
  }

  /** One of the enum's names, exactly; {@code required} false lets it be absent or null (then empty). */
  public <E extends Enum<E>> Optional<E> oneOf(String field, Class<E> type, boolean required) {
    JsonNode node = data.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        throw unreadable(field + " missing");
      }
      return Optional.empty();
    }
    Function<String, Optional<E>> parse =
        name ->
            Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equals(name))
                .findFirst();
    return Optional.of(node)
        .filter(JsonNode::isTextual)
        .map(JsonNode::asText)
        .flatMap(parse)
        .or(
            () -> {
              throw unreadable(
                  field + " must be one of " + Arrays.toString(type.getEnumConstants()));
            });
  }

  private UnreadableEventException unreadable(String problem) {
    return new UnreadableEventException("event " + event.getId() + ": " + problem);
  }
}
