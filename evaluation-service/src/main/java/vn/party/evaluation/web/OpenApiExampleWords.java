package vn.party.evaluation.web;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message of the OpenAPI document's generic 400 example, worded as the API words its refusals (twelfth session's
 * outsider, LOW 14: "Cần nhập selfProposedLevel." named the field by its key): the field by its label, in Vietnamese
 * (the API's default language), a number's expected type said. Read from the application's texts, so the example
 * changes with them.
 */
final class OpenApiExampleWords {

  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  /** Where the features keep their fields' labels, the API's general ones first. */
  private static final List<String> LABELS =
      List.of("field.", "roster.field.", "movement.field.", "unit.field.");

  private static final ResourceBundleMessageSource MESSAGES = MessageBundle.TEXTS;

  private OpenApiExampleWords() {}

  /** "Trường Mức xếp loại tự nhận là bắt buộc." */
  static String required(String field) {
    return text("reason.required", label(field));
  }

  /** "Trường Năm đánh giá sai kiểu dữ liệu: cần một số nguyên, …", the type said for a number or a flag. */
  static String wrongType(String field, Parameter parameter) {
    Schema<?> schema = parameter == null ? null : parameter.getSchema();
    // OpenAPI 3.1 keeps the type in the set of types
    String type =
        schema == null
            ? null
            : schema.getType() != null
                ? schema.getType()
                : schema.getTypes() == null || schema.getTypes().isEmpty()
                    ? null
                    : schema.getTypes().iterator().next();
    String expected =
        type == null
            ? null
            : switch (type) {
              case "integer" -> "type.integer";
              case "number" -> "type.number";
              case "boolean" -> "type.boolean";
              default -> null;
            };
    return expected == null
        ? text("reason.wrong-type", label(field))
        : text("reason.wrong-type.expected", label(field), text(expected));
  }

  private static String label(String field) {
    for (String prefix : LABELS) {
      String label = MESSAGES.getMessage(prefix + field, null, null, VIETNAMESE);
      if (label != null) {
        return label;
      }
    }
    return field;
  }

  private static String text(String key, Object... arguments) {
    return MESSAGES.getMessage(key, arguments.length == 0 ? null : arguments, key, VIETNAMESE);
  }
}
