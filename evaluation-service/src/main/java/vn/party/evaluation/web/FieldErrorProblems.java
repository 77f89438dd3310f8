package vn.party.evaluation.web;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.validation.BranchVote;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.rules.Cap;

/**
 * The completion rules' refusals ({@link FieldError}) as the domain API's problems, with a message in the caller's
 * language ({@code reason.*} in messages*.properties, naming the field by its label {@code field.*}; the rules'
 * English sentence when a reason has no entry). The people's pages show the same messages.
 */
@Component
public class FieldErrorProblems {

  private final MessageSource messages;

  public FieldErrorProblems(MessageSource messages) {
    this.messages = messages;
  }

  public FieldProblem of(FieldError error) {
    return of(error, LocaleContextHolder.getLocale());
  }

  /** In a given language: the engine REST API's refusals say each sentence in Vietnamese, then English. */
  public FieldProblem of(FieldError error, Locale locale) {
    // the field as the forms name it (field.*), else its variable name
    String field = messages.getMessage("field." + error.field(), null, error.field(), locale);
    Cap cap = error.cap();
    // {0} the field; for a cap also {1} its level (vi), {2} its level in the caller's language
    // (English pages showed the code, ninth session's outsider, finding 8), {3} why (vi), {4} why
    // (en), {5} rule
    // for the quota: {1} EXCELLENT, {2} GOOD, {3} the most EXCELLENT allowed, {4} a reason's
    // minimum length
    // for a vote short of its share: {1} the votes for the level, {2} the eligible voters, {3} the
    // share needed,
    // {4} the level in the caller's language
    BranchVote.Shortfall vote = error.vote();
    Object[] arguments =
        cap != null
            ? new Object[] {
              field,
              cap.maxLevel().label(),
              messages.getMessage(
                  "level." + cap.maxLevel().name(), null, cap.maxLevel().name(), locale),
              cap.reason().label(),
              cap.reason().englishLabel(),
              cap.rule().ruleId()
            }
            : error.quota() != null
                ? new Object[] {
                  field,
                  error.quota().excellent(),
                  error.quota().good(),
                  error.quota().maxExcellent(),
                  error.minLength()
                }
                : vote != null
                    ? new Object[] {
                      field,
                      vote.votesFor(),
                      vote.eligibleVoters(),
                      vote.threshold().toString(),
                      messages.getMessage(
                          "level." + vote.level().name(), null, vote.level().name(), locale)
                    }
                    : new Object[] {field};
    if (error.minLength() != null && error.quota() == null) {
      // a section of the self-criticism too short: {0} the section by its label (field.*, the
      // section's title, as the page's heading and Tasklist's form name it), {1} its minimum length
      arguments = new Object[] {field, error.minLength()};
    }
    if (error.bounds().stream().anyMatch(Objects::nonNull)) {
      // the range or the maximum the completion rules allow, worded as bean validation's are
      // (the twelfth session's outsider, finding 5)
      FieldProblem bounded = new FieldProblem(error.field(), error.reason(), null, error.bounds());
      return new FieldProblem(
          error.field(), error.reason(), bounded.shown(messages, field, locale), error.bounds());
    }
    String key = "reason." + error.reason();
    FieldError.OwnShortfall own = error.own();
    if (own != null) {
      // above the member's own assessment: {1} the level the grades and points give, {2} the
      // conditions not met by their labels (the twelfth session's outsider, finding 7)
      String derived =
          messages.getMessage("level." + own.derived().name(), null, own.derived().name(), locale);
      String unmet =
          String.join(
              "; ",
              own.unmet().stream()
                  .map(name -> messages.getMessage("field." + name, null, name, locale))
                  .toList());
      arguments = new Object[] {field, derived, unmet};
      key = own.unmet().isEmpty() ? key + ".level" : key + ".unmet";
    }
    String message = messages.getMessage(key, arguments, error.message(), locale);
    return new FieldProblem(error.field(), error.reason(), message);
  }

  public List<FieldProblem> of(List<FieldError> errors) {
    return errors.stream().map(this::of).toList();
  }
}
