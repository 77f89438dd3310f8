package vn.party.evaluation.process.validation;

import java.util.Arrays;
import java.util.stream.Collectors;
import vn.party.evaluation.process.Decision;
import vn.party.evaluation.process.Level;

/**
 * One refused completion variable.
 *
 * @param field the variable name, e.g. {@code decidedLevel}
 * @param reason a short, stable key a client can map to its own wording: one of the constants
 *     below
 */
public record FieldError(String field, String reason) {

  public static final String REQUIRED = "required";
  public static final String INVALID_LEVEL = "invalid-level";
  public static final String INVALID_DECISION = "invalid-decision";
  public static final String NOT_TEXT = "not-text";
  public static final String TOO_LONG = "too-long";
  public static final String CONTROL_CHARACTERS = "control-characters";

  /** An English sentence for logs and API error bodies, e.g. "decidedLevel is required". */
  public String message() {
    return field + " " + switch (reason) {
      case REQUIRED -> "is required";
      case INVALID_LEVEL -> "must be one of " + names(Level.values());
      case INVALID_DECISION -> "must be one of " + names(Decision.values());
      case NOT_TEXT -> "must be text";
      case TOO_LONG -> "must be at most " + TaskCompletionRules.MAX_TEXT_LENGTH + " characters";
      case CONTROL_CHARACTERS -> "must not contain control characters other than line breaks and tabs";
      default -> "is invalid (" + reason + ")";
    };
  }

  /** {@code field: reason}, the form used in the validation exception's message. */
  @Override
  public String toString() {
    return field + ": " + reason;
  }

  private static String names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
  }
}
