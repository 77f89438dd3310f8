package vn.party.notification.inbox;

import io.cloudevents.CloudEvent;
import java.util.ArrayList;
import java.util.List;
import vn.party.evaluation.process.validation.TextCharacters;

/**
 * The characters a CloudEvent's own attributes ({@code id}, {@code source}, {@code type}, {@code subject}) may hold:
 * the rules of evaluation-service's {@code TextCharacters}, the API's check of every text, and no line breaks or
 * tabs either (they are identifiers). Issue 12, outsiders' recheck: a NUL in {@code id} made PostgreSQL refuse the
 * row that remembers the event (dead-lettered as a failure, retried), and ids differing only by a lone surrogate were
 * stored alike, so the second event was taken for a redelivery and silently dropped.
 */
final class EventAttributes {

  static final String CONTROL_CHARACTERS = "control-characters";
  static final String INVALID_CHARACTERS = "invalid-characters";
  static final String REQUIRED = "required";

  private EventAttributes() {}

  /** Each refused attribute as {@code "<attribute>: <reason>"}; empty when all are fine. */
  static List<String> problems(CloudEvent event) {
    List<String> problems = new ArrayList<>();
    required(problems, "id", event.getId());
    required(problems, "source", event.getSource() == null ? null : event.getSource().toString());
    required(problems, "type", event.getType());
    add(problems, "id", event.getId());
    add(problems, "source", event.getSource() == null ? null : event.getSource().toString());
    add(problems, "type", event.getType());
    add(problems, "subject", event.getSubject());
    return problems;
  }

  /**
   * CloudEvents 1.0: id, source and type are non-empty; the inbox remembers an event by source and id, so with an
   * empty id every such event would be one (issue 12, fourth session). Blank as evaluation-service judges it, with
   * the same rule ({@link TextCharacters#blank}, processes module): an id of Hangul fillers (U+3164) or Braille blanks
   * (U+2800), which {@code String.isBlank} took for text, is refused here as there.
   */
  private static void required(List<String> problems, String attribute, String value) {
    if (value == null || TextCharacters.blank(value)) {
      problems.add(attribute + ": " + REQUIRED);
    }
  }

  private static void add(List<String> problems, String attribute, String value) {
    String reason = problem(value);
    if (reason != null) {
      problems.add(attribute + ": " + reason);
    }
  }

  /** The reason the value is refused, or null. */
  static String problem(String value) {
    if (value == null) {
      return null;
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      return CONTROL_CHARACTERS;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
        return INVALID_CHARACTERS;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return INVALID_CHARACTERS;
      }
    }
    return null;
  }
}
