package vn.party.evaluation.roster;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.web.FieldProblem;

/**
 * Refusals of a roster change as the API's problems: the message {@code reason.*} in the caller's language, naming the
 * field by its roster label ({@code roster.field.*}; the task forms' {@code field.reason} means the reason of a level
 * adjustment, not of a roster change).
 */
@Component
class RosterProblems {

  private final MessageSource messages;

  RosterProblems(MessageSource messages) {
    this.messages = messages;
  }

  List<FieldProblem> of(List<FieldError> errors) {
    Locale locale = LocaleContextHolder.getLocale();
    return errors.stream()
        .map(
            error -> {
              String label =
                  messages.getMessage("roster.field." + error.field(), null, error.field(), locale);
              // the one wording of a reason: with the format expected where known (format.*: the
              // admission date, twelfth session's outsider, MEDIUM 6)
              String message =
                  new FieldProblem(error.field(), error.reason(), null)
                      .shown(messages, label, locale);
              return new FieldProblem(error.field(), error.reason(), message);
            })
        .toList();
  }
}
