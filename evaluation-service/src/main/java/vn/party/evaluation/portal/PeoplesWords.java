package vn.party.evaluation.portal;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.party.evaluation.directory.People;
import vn.party.evaluation.rules.ReasonCode;
import vn.party.evaluation.rules.Regulation;
import vn.party.evaluation.security.Actors;

/**
 * What a person reads instead of the record's raw data ({@code ${@words…}} in a template): people's names instead of
 * sign-in ids, unit names instead of codes, regulation titles, levels, decisions and statuses in words, yes and no,
 * times in the users' time zone — and nothing of the purely technical details (ids of processes, events, campaigns).
 * A detail without a label in the messages is left out rather than shown by its variable name.
 */
@Component("words")
public class PeoplesWords {

  /** Technical details that mean nothing to a reader. */
  private static final Set<String> HIDDEN =
      Set.of(
          "campaignId",
          "complaintId",
          "processInstanceId",
          "eventId",
          "meetingId",
          "taskId",
          "candidateGroup",
          "recipients",
          "ruleId",
          "reasonCode",
          "contentSha256",
          "sha256",
          "trigger",
          "allCaps",
          "previousLevelCap",
          "unitKind",
          "taskName",
          "source",
          "org",
          "organizationId",
          "branchId",
          "memberId",
          "year",
          "formKind",
          "regulationCode",
          "excellentVote",
          "goodVote",
          "reviewers",
          "raters");

  private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d.*");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d");

  /** Enum-like values translated by the first of these message prefixes that knows them. */
  private static final List<String> VALUE_PREFIXES =
      List.of(
          "level.",
          "grade.",
          "decision.",
          "residence.",
          "status.",
          "timeline.",
          "task.",
          "roster.headOf.",
          "collective.kind.",
          "event-type.",
          "movement.",
          "movement-rule.",
          "late.",
          "complaint-channel.");

  private final MessageSource messages;
  private final People people;
  private final PortalTime time;
  private final JdbcClient jdbc;

  public PeoplesWords(MessageSource messages, People people, PortalTime time, JdbcClient jdbc) {
    this.messages = messages;
    this.people = people;
    this.time = time;
    this.jdbc = jdbc;
  }

  /** One detail as a person reads it. */
  public record Detail(String label, String value) {}

  /** The details of a timeline entry worth reading, each labelled and in words. */
  public List<Detail> details(Map<String, Object> details) {
    List<Detail> shown = new ArrayList<>();
    if (details == null) {
      return shown;
    }
    details.forEach(
        (key, value) -> {
          if (value == null || HIDDEN.contains(key)) {
            return;
          }
          // a rule's reason (a cap's, a collective not rated) is recorded in Vietnamese beside its
          // code: shown
          // in the reader's language from the code, and not as an adjustment's reason
          Optional<ReasonCode> rule =
              "reason".equals(key) && details.get("reasonCode") instanceof String code
                  ? ReasonCode.parse(code)
                  : Optional.empty();
          // "form" is a self-review's official form (Mẫu 02A) or a discipline's form (hình thức),
          // "level" beside a cap a proposal refused above it: each under its own label
          String disciplineForm = "form".equals(key) ? message("discipline-form." + value) : null;
          String label =
              rule.isPresent()
                  ? message("detail.rule-reason")
                  : disciplineForm != null
                      ? message("detail.disciplineForm")
                      : "level".equals(key) && details.containsKey("levelCap")
                          ? message("detail.refusedLevel")
                          : message("field." + key);
          if (label == null) {
            label = message("detail." + key);
          }
          if (label == null) {
            return;
          }
          String text =
              rule.isPresent()
                  ? reason(rule.get())
                  : disciplineForm != null ? disciplineForm : value(key, value);
          if (text != null && !text.isBlank()) {
            shown.add(new Detail(label, text));
          }
        });
    return shown;
  }

  /** When a timeline entry (of a member or of a collective) happened, in the users' time zone. */
  public String at(Object entry) {
    return entry instanceof Occurred occurred ? time.format(occurred.occurredAt()) : "";
  }

  /** A person by name: a sign-in id becomes the name in the directory; a name from outside stays as it is. */
  public String person(String userId) {
    if (userId == null || userId.isBlank()) {
      return "";
    }
    if (Actors.SYSTEM.equals(userId)) {
      return message("detail.system-actor") == null ? userId : message("detail.system-actor");
    }
    return people.displayName(userId);
  }

  /** A unit (branch or organization) by name, never by its code. */
  public String unit(String unitId) {
    if (unitId == null) {
      return "";
    }
    return jdbc.sql(
            """
            select name from evaluation.branch where id = :id
            union all select name from evaluation.organization where id = :id limit 1""")
        .param("id", unitId)
        .query(String.class)
        .optional()
        .orElse(unitId);
  }

  /** A rule's reason (a cap's: why the level is capped) by its code, in the reader's language; the code if unknown. */
  public String reason(String code) {
    return code == null ? "" : ReasonCode.parse(code).map(this::reason).orElse(code);
  }

  private String reason(ReasonCode reason) {
    return "en".equals(LocaleContextHolder.getLocale().getLanguage())
        ? reason.englishLabel()
        : reason.label();
  }

  /** A regulation by its title. */
  public String regulation(String code) {
    try {
      return Regulation.fromCode(code).title();
    } catch (IllegalArgumentException | NullPointerException unknown) {
      return code == null ? "" : code;
    }
  }

  /** A regulation's short name ("Quy định số 366-QĐ/TW"). */
  public String regulationShort(String code) {
    return shortTitle(code);
  }

  /** {@link #regulationShort}, for the exporters that have no bean at hand (the report PDF and XLSX). */
  public static String shortTitle(String code) {
    String title;
    try {
      title = Regulation.fromCode(code).title();
    } catch (IllegalArgumentException | NullPointerException unknown) {
      return code == null ? "" : code;
    }
    int cut = title.indexOf(" ngày ");
    int year = title.indexOf(" năm ");
    int at = cut > 0 ? cut : year;
    return at > 0 ? title.substring(0, at) : title;
  }

  /**
   * Points of a self-review as the reader's language writes them, one decimal: "95,0" in Vietnamese, "95.0" in
   * English (issue 14: never the program's "95.00").
   */
  public String points(Number points) {
    if (points == null) {
      return "";
    }
    return new DecimalFormat(
            "#,##0.0", DecimalFormatSymbols.getInstance(LocaleContextHolder.getLocale()))
        .format(points);
  }

  /** A roster change's value in words: yes and no, a branch by its name, a date as people write it. */
  public String rosterValue(String field, String value) {
    if (value == null) {
      return "—";
    }
    // the roster's own words for its coded fields: membership, leadership (cấp ủy), headOf, sex
    String own = message("roster." + field + "." + value);
    if (own != null) {
      return own;
    }
    String words =
        value("branchId".equals(field) || "toBranch".equals(field) ? "unitId" : field, value);
    return words == null ? value : words;
  }

  private String value(String key, Object value) {
    if (value instanceof Boolean flag) {
      return yesNo(flag);
    }
    if (value instanceof Number number && !(value instanceof Integer || value instanceof Long)) {
      // 80.5 → "80,5" in Vietnamese
      return new DecimalFormat(
              "#,##0.##", DecimalFormatSymbols.getInstance(LocaleContextHolder.getLocale()))
          .format(number);
    }
    String text = String.valueOf(value);
    if ("true".equals(text) || "false".equals(text)) {
      return yesNo(Boolean.parseBoolean(text));
    }
    if (key.endsWith("By")
        || "actor".equals(key)
        || "escalatedTo".equals(key)
        || "assignee".equals(key)) {
      return person(text);
    }
    if ("unitId".equals(key) || key.endsWith("UnitId")) {
      return unit(text);
    }
    if ("regulation".equals(key)) {
      return regulation(text);
    }
    if (INSTANT.matcher(text).matches()) {
      try {
        return time.format(OffsetDateTime.parse(text));
      } catch (DateTimeParseException notATime) {
        return text;
      }
    }
    if (DATE.matcher(text).matches()) {
      return DateTimeFormatter.ofPattern("dd/MM/yyyy").format(LocalDate.parse(text));
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder joined = new StringBuilder();
      map.forEach(
          (k, v) -> {
            String label = message("level." + k);
            joined
                .append(joined.isEmpty() ? "" : "; ")
                .append(label == null ? k : label)
                .append(": ")
                .append(v);
          });
      return joined.toString();
    }
    if (text.matches("[A-Z][A-Z_]+|[a-z]+(-[a-z]+)+|vn\\.party\\.[a-z.-]+")) {
      // a collective's kind in the words its own page uses ("Chi bộ"), not a head's (ninth
      // session's
      // outsider, finding 9: "BRANCH" was found first among the roster's "Bí thư chi bộ")
      String kind = "kind".equals(key) ? message("collective.kind." + text) : null;
      if (kind != null) {
        return kind;
      }
      for (String prefix : VALUE_PREFIXES) {
        String words = message(prefix + text);
        if (words != null) {
          return words;
        }
      }
      if (text.startsWith("vn.party.")) {
        return null;
      }
    }
    return text;
  }

  private String yesNo(boolean flag) {
    String words = message(flag ? "detail.yes" : "detail.no");
    return words == null ? String.valueOf(flag) : words;
  }

  private String message(String key) {
    Locale locale = LocaleContextHolder.getLocale();
    return messages.getMessage(key, null, null, locale);
  }
}
