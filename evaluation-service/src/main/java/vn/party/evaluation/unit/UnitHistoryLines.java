package vn.party.evaluation.unit;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.party.evaluation.portal.PeoplesWords;
import vn.party.evaluation.portal.PortalTime;

/**
 * A unit's history as people read it (outsider's finding on issue 13): who by name, when in the users' time zone,
 * and what changed in words — people's and units' names, the body and role in words, dates day first — never the
 * stored details' keys and ids. People are named as on every other page ({@link PeoplesWords#person}): a step the
 * system took reads "Hệ thống", never the raw actor id (outsider's tenth session, finding 7).
 */
@Component
public class UnitHistoryLines {

  /** One line of the history table. */
  public record Line(String action, String when, String actor, String reason, String what) {}

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final Units units;
  private final PeoplesWords words;
  private final PortalTime time;
  private final MessageSource messages;

  UnitHistoryLines(Units units, PeoplesWords words, PortalTime time, MessageSource messages) {
    this.units = units;
    this.words = words;
    this.time = time;
    this.messages = messages;
  }

  public List<Line> of(List<UnitHistoryEntry> entries, Locale locale) {
    List<Line> lines = new ArrayList<>();
    for (UnitHistoryEntry entry : entries) {
      lines.add(
          new Line(
              entry.action(),
              time.format(entry.occurredAt()),
              words.person(entry.actor()),
              entry.reason() == null ? "" : entry.reason(),
              what(entry, locale)));
    }
    return lines;
  }

  private String what(UnitHistoryEntry entry, Locale locale) {
    Map<String, Object> d = entry.details() == null ? Map.of() : entry.details();
    return switch (entry.action()) {
      case "CREATED" ->
          join(
              word("unit.kind." + d.get("kind"), locale),
              d.get("parentId") == null
                  ? null
                  : message("ui.units.history.under", locale, unitName(d.get("parentId"))));
      case "RENAMED", "CHANGED" -> changes(d, locale);
      case "DISSOLVED" -> message("ui.units.history.on", locale, day(d.get("on")));
      case "MERGED" ->
          message("ui.units.history.into", locale, unitName(d.get("into")), day(d.get("on")));
      case "MERGED_IN" ->
          message("ui.units.history.from", locale, unitName(d.get("from")), day(d.get("on")));
      case "MOVED" ->
          message("ui.units.history.moved", locale, unitName(d.get("from")), unitName(d.get("to")));
      case "SEATED", "ROLE_CHANGED", "UNSEATED" -> seat(d, locale);
      default -> "";
    };
  }

  private String seat(Map<String, Object> d, Locale locale) {
    String person = words.person((String) d.get("personId"));
    String body = word("unit.body." + d.get("body"), locale);
    String from = d.get("from") == null ? null : word("unit.role." + d.get("from"), locale);
    String to = d.get("to") == null ? null : word("unit.role." + d.get("to"), locale);
    String roles = from == null ? to : to == null ? from : from + " → " + to;
    return person + " — " + body + (roles == null ? "" : ": " + roles);
  }

  private String changes(Map<String, Object> d, Locale locale) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Object> change : d.entrySet()) {
      if (!(change.getValue() instanceof Map<?, ?> fromTo)) {
        continue;
      }
      boolean date = "openedOn".equals(change.getKey());
      Object from = date ? day(fromTo.get("from")) : fromTo.get("from");
      Object to = date ? day(fromTo.get("to")) : fromTo.get("to");
      parts.add(
          word("unit.field." + change.getKey(), locale)
              + ": "
              + (from == null ? "—" : from)
              + " → "
              + (to == null ? "—" : to));
    }
    return String.join("; ", parts);
  }

  private String unitName(Object id) {
    return id == null ? "" : units.find(id.toString()).map(Unit::name).orElse(id.toString());
  }

  private static String day(Object isoDate) {
    if (isoDate == null) {
      return null;
    }
    try {
      return DAY.format(LocalDate.parse(isoDate.toString()));
    } catch (RuntimeException notADate) {
      return isoDate.toString();
    }
  }

  private String word(String key, Locale locale) {
    return messages.getMessage(key, null, "", locale);
  }

  private String message(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  private static String join(String first, String second) {
    return second == null || second.isEmpty() ? first : first + ", " + second;
  }
}
