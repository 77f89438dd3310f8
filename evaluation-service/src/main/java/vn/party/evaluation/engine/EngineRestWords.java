package vn.party.evaluation.engine;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.security.engine.IdentityLengths;

/**
 * The sentence of one field engine REST refuses outside a completion (a query parameter, a body's field, a variable,
 * a user's or group's field: {@link EngineRestProblems#badRequest}), worded as the domain API words its own: the field
 * by a label, never only as the address or the body writes it, and what was expected where there is one thing to say
 * (twelfth session's outsider, LOW 12: "Trường firstResult phải là một số.", the variable and the date format
 * unsaid).
 *
 * <ul>
 *   <li>a parameter or body field by {@code engine-rest.field.*} (its label, then its name in brackets, as a
 *       developer writes it);
 *   <li>a variable ({@code variables.a}, {@code processVariables.a}, or the name in the path) by its form label
 *       ({@code field.*}), else as "biến “a”";
 *   <li>the expected value: paging from 0, the engine's date format, a variable filter's form, the sort orders, the
 *       declared type of a variable's value, the types the engine takes, a body field's type ({@code type.*}).
 * </ul>
 */
final class EngineRestWords {

  /** A hint the refusal carries for its sentence, not shown in {@code errors[]}: the type expected. */
  static final String EXPECTED = "expectedType";

  /** The body's objects whose keys are variables' names. */
  private static final Set<String> VARIABLE_HOLDERS =
      Set.of(
          "variables",
          "processVariables",
          "localVariables",
          "modifications",
          "taskVariables",
          "correlationKeys",
          "localCorrelationKeys");

  /** The query parameters that filter by variables ({@code name_operator_value}). */
  private static final Set<String> VARIABLE_FILTERS =
      Set.of(
          "processVariables",
          "taskVariables",
          "caseInstanceVariables",
          "variables",
          "variableValues");

  private final MessageSource messages;

  EngineRestWords(MessageSource messages) {
    this.messages = messages;
  }

  /** The refusal's sentence in one language. */
  String sentence(Map<String, String> error, Locale locale) {
    String field = error.get("field");
    String reason = error.get("reason");
    String label = label(field, locale);
    String max = error.get(IdentityLengths.MAX_LENGTH);
    if (max != null) {
      return text("reason." + reason + ".max", locale, label, max);
    }
    String expected = error.get(EXPECTED);
    switch (reason) {
      case FieldError.NOT_A_NUMBER:
        if (EngineRestQueryParameters.PAGING.contains(field)) {
          return text("reason.not-a-number.min", locale, label, "0");
        }
        break;
      case FieldError.OUT_OF_RANGE:
        if (EngineRestQueryParameters.PAGING.contains(field)) {
          return text("reason.out-of-range.min", locale, label, "0");
        }
        break;
      case "invalid-format":
        return text(
            "reason.invalid-format.expected",
            locale,
            label,
            plain(
                VARIABLE_FILTERS.contains(field)
                    ? "engine-rest.format.variable-filter"
                    : "engine-rest.format.date",
                locale));
      case "invalid":
        if (field.equals("sortBy") || field.equals("sortOrder")) {
          return text(
              "reason.invalid.expected",
              locale,
              label,
              plain("engine-rest.expected." + field, locale));
        }
        break;
      case "unknown-type":
        return text(
            "reason.unknown-type.expected", locale, label, plain("engine-rest.types", locale));
      case "wrong-type":
        String words = expected == null ? null : typeWords(expected, locale);
        if (words != null) {
          return text("reason.wrong-type.expected", locale, label, words);
        }
        break;
      default:
        break;
    }
    return text("reason." + reason, locale, label);
  }

  /**
   * The words for what a value should have been: a {@code type.*} key's ({@code integer}, {@code text}, …), or a
   * variable's declared engine type ({@code Integer}, {@code Date}, …).
   */
  private String typeWords(String expected, Locale locale) {
    String key =
        switch (expected) {
          case "Integer", "Long", "Short" -> "type.integer";
          case "Double" -> "type.number";
          case "Boolean" -> "type.boolean";
          case "String", "Object", "Json", "Xml" -> "type.text";
          case "Date" -> "engine-rest.format.date";
          default -> "type." + expected;
        };
    return messages.getMessage(key, null, null, locale);
  }

  /** A variable by its form's label, else as a variable ("biến “x”"), not by its bare name. */
  String variableLabel(String variable, Locale locale) {
    String label = messages.getMessage("field." + variable, null, null, locale);
    return label != null ? label : text("engine-rest.variable", locale, variable);
  }

  /** The field as a person reads it: its label, a variable by its form's label, else its name quoted. */
  String label(String field, Locale locale) {
    if (field.startsWith("(")) {
      // a parameter whose name holds what no answer repeats: named as such
      return plain("engine-rest.parameter-name", locale);
    }
    String own = messages.getMessage("engine-rest.field." + field, null, null, locale);
    if (own != null) {
      return own;
    }
    int dot = field.indexOf('.');
    if (dot > 0 && VARIABLE_HOLDERS.contains(field.substring(0, dot))) {
      return variableLabel(field.substring(dot + 1), locale);
    }
    String label = messages.getMessage("field." + field, null, null, locale);
    return label != null ? label : text("engine-rest.unlabelled", locale, field);
  }

  private String text(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, key, locale);
  }

  /** A text with no arguments, as written (a date pattern's quotes kept). */
  private String plain(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
