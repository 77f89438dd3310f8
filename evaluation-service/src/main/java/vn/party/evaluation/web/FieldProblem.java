package vn.party.evaluation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/** One thing wrong with a request: which field, a stable reason code, and a message in the user's language. */
public record FieldProblem(String field, String reason, String message) {

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
    return message != null
        ? message
        : messages.getMessage("reason." + reason, new Object[] {label}, reason, locale);
  }
}
