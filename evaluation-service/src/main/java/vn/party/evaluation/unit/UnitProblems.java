package vn.party.evaluation.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.FieldProblem;

/**
 * The refusals of a unit change as the API's problems, each naming the field by its label ({@code unit.field.*}) in the
 * caller's language; the pages show the same messages next to the fields.
 */
@Component
class UnitProblems {

  private final MessageSource messages;

  UnitProblems(MessageSource messages) {
    this.messages = messages;
  }

  /** Collects (field, reason) pairs, then refuses with all of them at once. */
  final class Collector {
    private final List<String[]> found = new ArrayList<>();

    Collector add(String field, String reason) {
      found.add(new String[] {field, reason});
      return this;
    }

    boolean isEmpty() {
      return found.isEmpty();
    }

    boolean has(String field) {
      return found.stream().anyMatch(f -> f[0].equals(field));
    }

    void throwIfAny() {
      if (!found.isEmpty()) {
        throw ApiException.invalid(found.stream().map(f -> problem(f[0], f[1])).toList());
      }
    }
  }

  Collector collector() {
    return new Collector();
  }

  ApiException single(String field, String reason) {
    return ApiException.invalid(List.of(problem(field, reason)));
  }

  FieldProblem problem(String field, String reason) {
    Locale locale = LocaleContextHolder.getLocale();
    String label = messages.getMessage("unit.field." + field, null, field, locale);
    return new FieldProblem(
        field,
        reason,
        messages.getMessage("reason." + reason, new Object[] {label}, reason, locale));
  }
}
