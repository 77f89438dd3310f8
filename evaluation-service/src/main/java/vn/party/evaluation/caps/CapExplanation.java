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
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.rules.Names.Named;

/**
 * The cap text the forms show ({@code levelCapReason}) and the variables a recomputed cap changes, alike for members
 * ({@link LevelCapService}) and collectives ({@code collective.CollectiveCapService}): only the facts behind each cap
 * differ, and those each service words itself.
 */
public final class CapExplanation {

  /**
   * Process variables hold Vietnamese text, as Tasklist's forms are Vietnamese whoever opens them; the people's pages
   * in English rebuild it from the caps ({@link #shown}).
   */
  public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  /** Camunda keeps a String variable in a varchar(4000) column. */
  private static final int MAX_REASON = TextLimits.ENGINE_VARIABLE;

  private CapExplanation() {}

  /**
   * Vietnamese: the strictest cap, then every cap with {@code because} (the facts behind it, or empty); cut to what an
   * engine variable holds. Sentences for people: the levels in full, no rule ids, rules files or abbreviations (ninth
   * session's outsider, finding 10) — the rule stays on the record ({@code levelCap.ruleId}, the timeline).
   */
  public static String explain(
      MessageSource messages, List<Cap> caps, Function<Cap, String> because) {
    return explain(messages, caps, because, VIETNAMESE);
  }

  /**
   * {@link #explain(MessageSource, List, Function)} in {@code locale}, for a page that shows the caps in its reader's
   * language: the same lines, each label in that language ({@code because} must be worded in it too).
   */
  public static String explain(
      MessageSource messages, List<Cap> caps, Function<Cap, String> because, Locale locale) {
    if (caps.isEmpty()) {
      return messages.getMessage("cap.none", null, locale);
    }
    List<String> lines = new ArrayList<>();
    Cap strictest = caps.get(0);
    lines.add(
        messages.getMessage(
            "cap.strictest",
            new Object[] {
              level(messages, strictest.maxLevel(), locale), strictest.maxLevel().shortCode()
            },
            locale));
    for (Cap cap : caps) {
      // {0} why, {1} the level's short code, {2} the facts, {3} the rule's source, {4} the rule,
      // {5} the level (the messages use {0}, {2} and {5}: the others are for people who read rules)
      lines.add(
          messages.getMessage(
              "cap.item",
              new Object[] {
                label(cap.reason(), locale),
                cap.maxLevel().shortCode(),
                because.apply(cap),
                cap.rule().source(),
                cap.rule().ruleId(),
                level(messages, cap.maxLevel(), locale)
              },
              locale));
    }
    String text = String.join("\n", lines);
    return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
  }

  /**
   * The explanation without its first line, the strictest cap, for a page that shows the cap's level itself just
   * above it: "Highest level allowed" once (ninth session's outsider, finding 10). A text with no cap line below it
   * ("no cap") is left as it is.
   */
  public static String belowTheLevel(String text) {
    if (text == null || text.startsWith("- ")) {
      return text; // none, or already without it
    }
    int items = text.indexOf("\n- ");
    return items < 0 ? text : text.substring(items + 1);
  }

  /**
   * The explanation a page in {@code locale} shows of a stored cap and its stored text (null: the task shows none).
   * In English it is rebuilt from {@code caps}, computed now from the facts the stored text was written from, as long
   * as they still give the stored cap; otherwise, and in Vietnamese, the stored text as it was written ("no cap" in
   * the reader's language), never an explanation of another cap than the one shown beside it.
   *
   * @param because the facts behind a cap, worded in {@code locale}
   */
  public static String shown(
      MessageSource messages,
      String storedCap,
      String storedReason,
      List<Cap> caps,
      Function<Cap, String> because,
      Locale locale) {
    String now = caps.isEmpty() ? null : caps.get(0).maxLevel().name();
    if (storedReason == null || !rebuiltIn(locale) || !Objects.equals(now, storedCap)) {
      return inLanguage(messages, storedReason, locale);
    }
    return explain(messages, caps, because, locale);
  }

  /**
   * Whether a page in {@code locale} rebuilds the explanation from the caps rather than show the stored text: the
   * stored text is Vietnamese, so only a page in English does.
   */
  public static boolean rebuiltIn(Locale locale) {
    return isEnglish(locale);
  }

  /** A value's label as a reader in {@code locale} reads it: English on an English page, else Vietnamese. */
  public static String label(Named value, Locale locale) {
    return isEnglish(locale) ? value.englishLabel() : value.label();
  }

  private static boolean isEnglish(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage());
  }

  /** The level's name: Vietnamese as in decisions ({@link Level#label}), else the page's words for it. */
  public static String level(MessageSource messages, Level level, Locale locale) {
    return isEnglish(locale)
        ? messages.getMessage("level." + level.name(), null, level.label(), locale)
        : level.label();
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
   * The stored reason as a page in {@code locale} shows it without the caps at hand: the "no cap" text is the same for
   * everyone, so it is shown in the reader's language; a cap's own explanation as stored (Vietnamese, with the rules'
   * sources). {@link #shown} rebuilds it from the caps.
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
