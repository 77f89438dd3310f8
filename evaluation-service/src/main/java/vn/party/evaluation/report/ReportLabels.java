package vn.party.evaluation.report;

import java.util.Locale;
import org.springframework.context.MessageSource;
import vn.party.evaluation.portal.PeoplesWords;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.rules.ReasonCode;

/** The texts of a report in one language (Vietnamese first), for the exporters. */
public final class ReportLabels {

  private final MessageSource messages;
  private final Locale locale;

  ReportLabels(MessageSource messages, Locale locale) {
    this.messages = messages;
    this.locale = locale;
  }

  public String text(String key, Object... arguments) {
    return messages.getMessage(key, arguments, key, locale);
  }

  /** A regulation by its short name ("Quy định số 366-QĐ/TW"), never its code. */
  public String regulation(String code) {
    return PeoplesWords.shortTitle(code);
  }

  public String level(Level level) {
    return text("level." + level.name());
  }

  public String reason(String code) {
    boolean english = "en".equals(locale.getLanguage());
    return ReasonCode.parse(code).map(r -> english ? r.englishLabel() : r.label()).orElse(code);
  }

  /** A collective's result: its decided level, else its status (not rated, not decided yet…). */
  public String collective(OrganizationReport.CollectiveLine line) {
    return line.decidedLevel() != null
        ? text("level." + line.decidedLevel())
        : text("collective.status." + line.status());
  }

  static String percent(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
