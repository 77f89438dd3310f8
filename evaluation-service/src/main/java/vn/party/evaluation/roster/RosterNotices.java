package vn.party.evaluation.roster;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The notes, in the caller's language, of what a change does not reach while the member's campaigns run, and of a
 * headship passed from another member.
 */
@Component
class RosterNotices {

  private final MessageSource messages;

  RosterNotices(MessageSource messages) {
    this.messages = messages;
  }

  /** Null when no campaign of the member is running. */
  String running(List<Integer> years) {
    if (years.isEmpty()) {
      return null;
    }
    String shown = years.stream().map(String::valueOf).collect(Collectors.joining(", "));
    return messages.getMessage(
        "roster.running-campaigns", new Object[] {shown}, LocaleContextHolder.getLocale());
  }

  /** Null when the change passed no headship. */
  String transferred(RosterUpdate update) {
    RosterUpdate.PreviousHead previous = update.previousHead();
    if (previous == null) {
      return null;
    }
    Locale locale = LocaleContextHolder.getLocale();
    // the select's label, in the middle of a sentence
    String unit =
        messages
            .getMessage("roster.headOf." + update.member().headOf(), null, locale)
            .toLowerCase(locale);
    return messages.getMessage(
        "roster.head-transferred",
        new Object[] {unit, previous.fullName(), previous.memberId(), update.member().fullName()},
        locale);
  }
}
