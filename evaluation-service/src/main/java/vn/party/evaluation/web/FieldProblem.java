package vn.party.evaluation.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * One thing wrong with a request: which field, a stable reason code, and a message in the user's language; for a
 * value out of its range, the range ({@code bounds}: the least and the most allowed, either null when there is
 * none), which the API's message says and the answer does not carry apart.
 */
public record FieldProblem(
    String field,
    String reason,
    String message,
    @JsonIgnore @Schema(hidden = true) List<Long> bounds) {

  public FieldProblem {
    bounds = bounds == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(bounds));
  }

  public FieldProblem(String field, String reason, String message) {
    this(field, reason, message, List.of());
  }

  /** A value outside {@code least}–{@code most}: the API's message says the range. */
  public static FieldProblem outOfRange(String field, long least, long most) {
    return new FieldProblem(field, "out-of-range", null, Arrays.asList(least, most));
  }

  /**
   * field → what a form shows next to it: the message the check gave, or its reason's code when it gave none; the
   * first problem of each field, in the order found. The one reading of the pages that show the API's own words.
   */
  public static Map<String, String> messagesByField(List<FieldProblem> problems) {
    Map<String, String> errors = new LinkedHashMap<>();
    problems.forEach(
        problem ->
            errors.putIfAbsent(
                problem.field(), problem.message() != null ? problem.message() : problem.reason()));
    return errors;
  }

  /**
   * What a page shows next to the field: the message the check gave, else the reason's text ({@code reason.*}) naming
   * the field by the label given.
   */
  public String shown(MessageSource messages, String label, Locale locale) {
    if (message != null) {
      return message;
    }
    Long least = bounds.isEmpty() ? null : bounds.get(0);
    Long most = bounds.size() < 2 ? null : bounds.get(1);
    // the range or the length where the check knows it (eleventh session's outsider, LOW 10); the
    // numbers as written, not as amounts ("2018", not "2.018")
    if ("out-of-range".equals(reason) && (least != null || most != null)) {
      String key =
          least == null
              ? "reason.out-of-range.max"
              : most == null ? "reason.out-of-range.min" : "reason.out-of-range.between";
      Object[] arguments =
          least == null
              ? new Object[] {label, "" + most}
              : most == null
                  ? new Object[] {label, "" + least}
                  : new Object[] {label, "" + least, "" + most};
      return messages.getMessage(key, arguments, reason, locale);
    }
    // a range that is not a pair of numbers (a date), said in words where the field has one
    if ("out-of-range".equals(reason)) {
      String range = messages.getMessage("range." + field, null, null, locale);
      if (range != null) {
        return messages.getMessage(
            "reason.out-of-range.expected", new Object[] {label, range}, reason, locale);
      }
    }
    if ("too-long".equals(reason) && most != null) {
      return messages.getMessage(
          "reason.too-long.max", new Object[] {label, "" + most}, reason, locale);
    }
    // the format expected where the field has one to say (twelfth session's outsider, MEDIUM 6)
    if ("invalid-format".equals(reason)) {
      String expected = messages.getMessage("format." + field, null, null, locale);
      if (expected != null) {
        return messages.getMessage(
            "reason.invalid-format.expected", new Object[] {label, expected}, reason, locale);
      }
    }
    return messages.getMessage("reason." + reason, new Object[] {label}, reason, locale);
  }
}
