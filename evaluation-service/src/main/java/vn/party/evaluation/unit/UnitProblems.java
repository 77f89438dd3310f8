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
    private final List<FieldProblem> problems = new ArrayList<>();

    Collector add(String field, String reason) {
      found.add(new String[] {field, reason});
      return this;
    }

    /** A refusal whose message ({@code messageKey}) names more than the field: its label, then the arguments. */
    Collector add(String field, String reason, String messageKey, Object... arguments) {
      problems.add(message(field, reason, messageKey, arguments));
      return this;
    }

    /** A refusal already in words. */
    Collector add(FieldProblem problem) {
      problems.add(problem);
      return this;
    }

    boolean isEmpty() {
      return found.isEmpty() && problems.isEmpty();
    }

    boolean has(String field) {
      return found.stream().anyMatch(f -> f[0].equals(field))
          || problems.stream().anyMatch(p -> p.field().equals(field));
    }

    void throwIfAny() {
      if (!isEmpty()) {
        List<FieldProblem> all = new ArrayList<>(problems);
        found.forEach(f -> all.add(problem(f[0], f[1])));
        throw ApiException.invalid(all);
      }
    }
  }

  Collector collector() {
    return new Collector();
  }

  ApiException single(String field, String reason) {
    return ApiException.invalid(List.of(problem(field, reason)));
  }

  /** A text of the messages in the caller's language. */
  String text(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }

  FieldProblem problem(String field, String reason) {
    return message(field, reason, "reason." + reason);
  }

  /** The problem with its message from {@code messageKey}: {0} the field's label, then the arguments. */
  FieldProblem message(String field, String reason, String messageKey, Object... arguments) {
    Locale locale = LocaleContextHolder.getLocale();
    Object[] all = new Object[arguments.length + 1];
    all[0] = messages.getMessage("unit.field." + field, null, field, locale);
    System.arraycopy(arguments, 0, all, 1, arguments.length);
    return new FieldProblem(field, reason, messages.getMessage(messageKey, all, reason, locale));
  }
}
