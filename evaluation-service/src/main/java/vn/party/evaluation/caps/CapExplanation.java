package vn.party.evaluation.caps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import vn.party.evaluation.process.TextLimits;
import vn.party.evaluation.rules.Cap;

/**
 * The cap text the forms show ({@code levelCapReason}) and the variables a recomputed cap changes, alike for members
 * ({@link LevelCapService}) and collectives ({@code collective.CollectiveCapService}): only the facts behind each cap
 * differ, and those each service words itself.
 */
public final class CapExplanation {

  /** Process variables hold Vietnamese text: the forms are Vietnamese, whoever opens them. */
  public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  /** Camunda keeps a String variable in a varchar(4000) column. */
  private static final int MAX_REASON = TextLimits.ENGINE_VARIABLE;

  private CapExplanation() {}

  /**
   * Vietnamese: the strictest cap, then every cap with {@code because} (the facts behind it, or empty) and the rule's
   * source; cut to what an engine variable holds.
   */
  public static String explain(
      MessageSource messages, List<Cap> caps, Function<Cap, String> because) {
    if (caps.isEmpty()) {
      return text(messages, "cap.none");
    }
    List<String> lines = new ArrayList<>();
    Cap strictest = caps.get(0);
    lines.add(
        text(
            messages,
            "cap.strictest",
            strictest.maxLevel().label(),
            strictest.maxLevel().shortCode()));
    for (Cap cap : caps) {
      lines.add(
          text(
              messages,
              "cap.item",
              cap.reason().label(),
              cap.maxLevel().shortCode(),
              because.apply(cap),
              cap.rule().source(),
              cap.rule().ruleId()));
    }
    String text = String.join("\n", lines);
    return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
  }

  /**
   * The {@code wanted} variables that are absent from {@code current} or differ: only those are set, since every
   * update is kept in the engine's history.
   */
  public static Map<String, Object> changed(Map<String, ?> current, Map<String, Object> wanted) {
    Map<String, Object> updates = new HashMap<>();
    wanted.forEach(
        (name, value) -> {
          if (!current.containsKey(name) || !Objects.equals(current.get(name), value)) {
            updates.put(name, value);
          }
        });
    return updates;
  }

  /**
   * The stored reason as a page in {@code locale} shows it: the "no cap" text is the same for everyone, so it is shown in
   * the reader's language; a cap's own explanation stays as stored (Vietnamese, with the rules' sources).
   */
  public static String inLanguage(MessageSource messages, String stored, Locale locale) {
    if (stored != null && stored.equals(text(messages, "cap.none"))) {
      return messages.getMessage("cap.none", null, locale);
    }
    return stored;
  }

  private static String text(MessageSource messages, String key, Object... arguments) {
    return messages.getMessage(key, arguments, VIETNAMESE);
  }
}
