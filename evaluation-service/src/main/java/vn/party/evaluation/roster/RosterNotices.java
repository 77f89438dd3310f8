package vn.party.evaluation.roster;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The note, in the caller's language, of what a change does not reach while the member's campaigns run. */
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
    return messages.getMessage("roster.running-campaigns", new Object[] {shown}, LocaleContextHolder.getLocale());
  }
}
