package vn.party.notification.compose;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import vn.party.notification.config.NotificationProperties;

/**
 * Builds every text a person reads about an event from the message bundles. All values coming
 * from events are treated as plain text: the HTML part escapes them and links only http(s) URLs.
 */
@Component
public class NotificationComposer {

  private final MessageSource messages;
  private final ZoneId zone;

  @Autowired
  public NotificationComposer(MessageSource messages, NotificationProperties properties) {
    this(messages, properties.timeZone());
  }

  public NotificationComposer(MessageSource messages, ZoneId zone) {
    this.messages = messages;
    this.zone = zone;
  }

  public RenderedText inApp(NotificationKind kind, Map<String, String> given, Locale locale) {
    Map<String, String> params = inLanguage(TaskNames.plain(given), locale);
    return switch (kind) {
      case TASK_ASSIGNED ->
          taskText(
              "task-assigned",
              params.containsKey(Params.SUBJECT_NAME)
                  ? "task-assigned.body.subject"
                  : "task-assigned.body",
              null,
              params,
              locale);
      case TASK_REMINDER -> taskText("task-reminder", "task-reminder.body", null, params, locale);
      case TASK_OVERDUE ->
          taskText("task-overdue", "task-overdue.body", escalation(params, locale), params, locale);
      case CASE_RETURNED ->
          new RenderedText(
              msg("case-returned.title", locale, p(params, Params.MEMBER_NAME)),
              sentences(
                  yearAndMember("case-returned.body", params, locale), reason(params, locale)));
      case MEMBER_DECIDED ->
          new RenderedText(
              levelTitle("member-decided", params, locale),
              sentences(
                  msg(
                      "member-decided.body",
                      locale,
                      p(params, Params.MEMBER_NAME),
                      p(params, Params.YEAR),
                      level(params, locale)),
                  notYetFinal(params, locale)));
      case RESULT_ANNOUNCED ->
          new RenderedText(
              levelTitle("result-announced", params, locale),
              msg(
                  "result-announced.body",
                  locale,
                  p(params, Params.YEAR),
                  level(params, locale),
                  windowEnd(params, locale)));
      case MEMBER_RERATED -> levelChangeText("member-rerated", params, locale);
      case MEMBER_REAPPRAISED ->
          new RenderedText(
              levelTitle("member-reappraised", params, locale),
              msg(
                  changed(params)
                      ? "member-reappraised.body.changed"
                      : "member-reappraised.body.kept",
                  locale,
                  p(params, Params.YEAR),
                  level(params, Params.ORIGINAL_LEVEL, locale),
                  level(params, locale)));
      case MEMBER_LEVEL_ADJUSTED -> levelChangeText("member-level-adjusted", params, locale);
      case ACCOUNT_SIGN_IN_THROTTLED ->
          new RenderedText(
              msg("account-throttled.title", locale, p(params, Params.ACCOUNT)),
              msg(
                  "account-throttled.body",
                  locale,
                  p(params, Params.ACCOUNT),
                  p(params, Params.FAILURES),
                  time(params.get(Params.BLOCKED_UNTIL), locale)));
      case ACCOUNT_PASSWORD_RESET ->
          new RenderedText(
              msg("account-reset.title", locale),
              msg(
                  "account-reset.body",
                  locale,
                  changedBy(params, locale),
                  time(params.get(Params.CHANGED_AT), locale)));
      case ACCOUNT_PASSWORD_CHANGED ->
          new RenderedText(
              msg("account-changed.title", locale),
              msg("account-changed.body", locale, time(params.get(Params.CHANGED_AT), locale)));
      case ACCOUNT_EMAIL_CHANGED ->
          new RenderedText(msg("account-email.title", locale), emailChanged(params, locale));
    };
  }

  /**
   * The three task notices name the same things (year, task, member, due date) and differ only in their wording and,
   * for an overdue task, a sentence on who was told.
   */
  private RenderedText taskText(
      String prefix, String body, String more, Map<String, String> params, Locale locale) {
    return new RenderedText(
        msg(prefix + ".title", locale, p(params, Params.TASK_NAME), p(params, Params.MEMBER_NAME)),
        sentences(
            msg(
                body,
                locale,
                p(params, Params.YEAR),
                p(params, Params.TASK_NAME),
                p(params, Params.MEMBER_NAME),
                due(params, locale)),
            more));
  }

  /** A member's level changed after the decision (re-rated, adjusted): the same facts, each in its own words. */
  private RenderedText levelChangeText(String prefix, Map<String, String> params, Locale locale) {
    return new RenderedText(
        levelTitle(prefix, params, locale),
        msg(
            prefix + ".body",
            locale,
            p(params, Params.MEMBER_NAME),
            p(params, Params.YEAR),
            level(params, Params.ORIGINAL_LEVEL, locale),
            level(params, locale)));
  }

  /** Every notice on a member's level is titled with the year and the level. */
  private String levelTitle(String prefix, Map<String, String> params, Locale locale) {
    return msg(prefix + ".title", locale, p(params, Params.YEAR), level(params, locale));
  }

  /**
   * @param recipientName how the greeting addresses the recipient
   * @param link an http(s) URL or null; see {@link #safeLink(String)}
   */
  public EmailContent email(
      NotificationKind kind,
      Map<String, String> given,
      String recipientName,
      String link,
      Locale locale) {
    Map<String, String> params = inLanguage(TaskNames.plain(given), locale);
    List<Block> blocks = new ArrayList<>();
    paragraph(blocks, msg("email.greeting", locale, recipientName));
    String subject;
    switch (kind) {
      case TASK_ASSIGNED, TASK_REMINDER, TASK_OVERDUE -> {
        String prefix =
            switch (kind) {
              case TASK_REMINDER -> "task-reminder";
              case TASK_OVERDUE -> "task-overdue";
              default -> "task-assigned";
            };
        subject =
            msg(
                prefix + ".subject",
                locale,
                p(params, Params.YEAR),
                p(params, Params.TASK_NAME),
                p(params, Params.MEMBER_NAME));
        paragraph(blocks, msg(prefix + ".email.intro", locale, p(params, Params.YEAR)));
        paragraph(
            blocks,
            String.join(
                "\n",
                msg("task-assigned.email.task", locale, p(params, Params.TASK_NAME)),
                msg(
                    params.containsKey(Params.SUBJECT_NAME)
                        ? "task-assigned.email.subject-name"
                        : "task-assigned.email.member",
                    locale,
                    p(params, Params.MEMBER_NAME)),
                msg(
                    kind == NotificationKind.TASK_OVERDUE
                        ? "task-overdue.email.due"
                        : "task-assigned.email.due",
                    locale,
                    due(params, locale))));
        String escalation =
            kind == NotificationKind.TASK_OVERDUE ? escalation(params, locale) : null;
        if (escalation != null) {
          paragraph(blocks, escalation);
        }
        paragraph(blocks, action(params.get(Params.TASK_KEY), locale));
        link(blocks, "task-assigned.email.link", link, locale);
      }
      case CASE_RETURNED -> {
        subject = yearAndMember("case-returned.subject", params, locale);
        paragraph(blocks, yearAndMember("case-returned.email.intro", params, locale));
        paragraph(blocks, reason(params, locale));
        paragraph(blocks, msg("case-returned.email.action", locale));
        link(blocks, null, link, locale);
      }
      case MEMBER_DECIDED -> {
        subject = msg("member-decided.subject", locale, p(params, Params.YEAR));
        paragraph(blocks, yearAndMember("member-decided.email.intro", params, locale));
        paragraph(blocks, levelAndComment(params, locale));
        paragraph(blocks, notYetFinal(params, locale));
        link(blocks, "member-decided.email.link", link, locale);
      }
      case RESULT_ANNOUNCED -> {
        subject = msg("result-announced.subject", locale, p(params, Params.YEAR));
        paragraph(blocks, msg("result-announced.email.intro", locale, p(params, Params.YEAR)));
        paragraph(blocks, levelAndComment(params, locale));
        paragraph(
            blocks, msg("result-announced.email.complaints", locale, windowEnd(params, locale)));
        link(blocks, "result-announced.email.link", link, locale);
      }
      case MEMBER_RERATED -> {
        subject = msg("member-rerated.subject", locale, p(params, Params.YEAR));
        paragraph(
            blocks,
            msg(
                "member-rerated.email.intro",
                locale,
                p(params, Params.YEAR),
                p(params, Params.REASON).isEmpty()
                    ? msg("member-rerated.no-decision", locale)
                    : p(params, Params.REASON)));
        paragraph(
            blocks,
            levelChangeLines(
                params,
                msg("member-rerated.email.level", locale, level(params, locale)),
                comment(params, locale),
                locale));
      }
      case MEMBER_REAPPRAISED -> {
        subject = msg("member-reappraised.subject", locale, p(params, Params.YEAR));
        paragraph(blocks, msg("member-reappraised.email.intro", locale, p(params, Params.YEAR)));
        paragraph(
            blocks,
            levelChangeLines(
                params,
                msg(
                    changed(params)
                        ? "member-reappraised.email.changed"
                        : "member-reappraised.email.kept",
                    locale,
                    level(params, locale)),
                comment(params, locale),
                locale));
        link(blocks, "result-announced.email.link", link, locale);
      }
      case MEMBER_LEVEL_ADJUSTED -> {
        subject = msg("member-level-adjusted.subject", locale, p(params, Params.YEAR));
        paragraph(blocks, msg("member-level-adjusted.email.intro", locale, p(params, Params.YEAR)));
        paragraph(
            blocks,
            levelChangeLines(
                params,
                msg("member-level-adjusted.email.level", locale, level(params, locale)),
                msg("member-level-adjusted.email.reason", locale, p(params, Params.REASON)),
                locale));
      }
      case ACCOUNT_SIGN_IN_THROTTLED -> {
        subject = msg("account-throttled.subject", locale, p(params, Params.ACCOUNT));
        accountNotice(
            blocks,
            "account-throttled",
            msg(
                "account-throttled.email.intro",
                locale,
                p(params, Params.ACCOUNT),
                p(params, Params.FAILURES),
                time(params.get(Params.BLOCKED_UNTIL), locale)),
            link,
            locale);
      }
      case ACCOUNT_PASSWORD_RESET -> {
        subject = msg("account-reset.subject", locale);
        accountNotice(
            blocks,
            "account-reset",
            msg(
                "account-reset.body",
                locale,
                changedBy(params, locale),
                time(params.get(Params.CHANGED_AT), locale)),
            link,
            locale);
      }
      case ACCOUNT_PASSWORD_CHANGED -> {
        subject = msg("account-changed.subject", locale);
        paragraph(
            blocks,
            msg("account-changed.body", locale, time(params.get(Params.CHANGED_AT), locale)));
      }
      case ACCOUNT_EMAIL_CHANGED -> {
        subject = msg("account-email.subject", locale);
        accountNotice(blocks, "account-email", emailChanged(params, locale), link, locale);
      }
      default -> throw new IllegalArgumentException("Unknown kind " + kind);
    }
    paragraph(blocks, msg("email.signature", locale));
    paragraph(blocks, msg("email.footer", locale));
    return new EmailContent(oneLine(subject), text(blocks), html(blocks, locale));
  }

  /** A text on one member's case, which names the year and the member (in that order). */
  private String yearAndMember(String key, Map<String, String> params, Locale locale) {
    return msg(key, locale, p(params, Params.YEAR), p(params, Params.MEMBER_NAME));
  }

  /** The decided level and the decision's comment, as the decision and the announced result both give them. */
  private String levelAndComment(Map<String, String> params, Locale locale) {
    return String.join(
        "\n",
        msg("member-decided.email.level", locale, level(params, locale)),
        comment(params, locale));
  }

  private static void paragraph(List<Block> blocks, String text) {
    blocks.add(new Block(text, null));
  }

  /** The email's link, when it has one, under the text {@code labelKey} names (none when null). */
  private void link(List<Block> blocks, String labelKey, String link, Locale locale) {
    if (link != null) {
      blocks.add(new Block(labelKey == null ? "" : msg(labelKey, locale), link));
    }
  }

  /** What happened to the account, what to do, and where: the account emails differ only in their words. */
  private void accountNotice(
      List<Block> blocks, String prefix, String what, String link, Locale locale) {
    paragraph(blocks, what);
    paragraph(blocks, msg(prefix + ".email.action", locale));
    link(blocks, prefix + ".email.link", link, locale);
  }

  /** The level before, the level now and a closing line: the middle of every email on a changed level. */
  private String levelChangeLines(
      Map<String, String> params, String levelNow, String closing, Locale locale) {
    return String.join(
        "\n",
        msg("member-rerated.email.original", locale, level(params, Params.ORIGINAL_LEVEL, locale)),
        levelNow,
        closing);
  }

  /** Returns the URL when it is an absolute http(s) URL, else null: anything else could run script. */
  public static String safeLink(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI uri = URI.create(url.trim());
      String scheme = uri.getScheme();
      if (uri.getHost() != null
          && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
        return uri.toString();
      }
    } catch (IllegalArgumentException e) {
      // not a URL at all
    }
    return null;
  }

  private String action(String taskKey, Locale locale) {
    String[] codes =
        taskKey == null
            ? new String[] {"task-assigned.action.default"}
            : new String[] {"task-assigned.action." + taskKey, "task-assigned.action.default"};
    return messages.getMessage(new DefaultMessageSourceResolvable(codes), locale);
  }

  private String due(Map<String, String> params, Locale locale) {
    String due = params.get(Params.DUE_DATE);
    if (due == null || due.isBlank()) {
      return msg("task-assigned.no-due", locale);
    }
    return time(due, locale);
  }

  /** An ISO instant in local time, as people read it; as it came when it is not one. */
  private String time(String instant, Locale locale) {
    String due = instant == null ? "" : instant;
    try {
      return DateTimeFormatter.ofPattern(msg("format.date-time", locale), locale)
          .withZone(zone)
          .format(Instant.parse(due));
    } catch (DateTimeParseException e) {
      return due;
    }
  }

  /** Who was told of an overdue task, from the group it was escalated to; null when it was not escalated. */
  private String escalation(Map<String, String> params, Locale locale) {
    String group = params.get(Params.ESCALATED_TO);
    if (group == null || group.isBlank()) {
      return null;
    }
    // Group ids as docs/contracts.md (and Groups in module processes) build them.
    String committee =
        group.startsWith("branch-committee-")
            ? "branch"
            : group.startsWith("org-committee-") ? "organization" : "other";
    return msg("task-overdue.escalated." + committee, locale);
  }

  /** Who set the password: their name from the directory, or "the system" when no person did (roster import). */
  /**
   * By whom and when the address was changed: the same words for the holder and for the previous address, naming
   * neither address (the previous one may be another person's: an account the roster import took over, ninth
   * session's outsider, finding 3).
   */
  private String emailChanged(Map<String, String> params, Locale locale) {
    return msg(
        "account-email.body",
        locale,
        by(params, "account-email.by-system", locale),
        time(params.get(Params.CHANGED_AT), locale));
  }

  private String changedBy(Map<String, String> params, Locale locale) {
    return by(params, "account-reset.by-system", locale);
  }

  /** Who changed an account, or the system's name under {@code systemKey}. */
  private String by(Map<String, String> params, String systemKey, Locale locale) {
    String by = params.get(Params.CHANGED_BY);
    return by == null || by.isBlank() ? msg(systemKey, locale) : by;
  }

  private String reason(Map<String, String> params, Locale locale) {
    String reason = params.get(Params.REASON);
    return reason == null || reason.isBlank()
        ? msg("case-returned.no-reason", locale)
        : msg("case-returned.reason", locale, reason);
  }

  /**
   * The committee's decision is not yet the result: it is announced after the finalization, and a level approved above
   * the quota may change there.
   */
  private String notYetFinal(Map<String, String> params, Locale locale) {
    return msg(
        "true".equals(params.get(Params.ABOVE_QUOTA))
            ? "member-decided.above-quota"
            : "member-decided.not-final",
        locale);
  }

  private static String sentences(String first, String second) {
    return second == null ? first : first + " " + second;
  }

  private String level(Map<String, String> params, Locale locale) {
    return level(params, Params.LEVEL, locale);
  }

  private String level(Map<String, String> params, String name, Locale locale) {
    String level = p(params, name);
    return messages.getMessage("level." + level, null, level, locale);
  }

  private static boolean changed(Map<String, String> params) {
    return !p(params, Params.LEVEL).equals(p(params, Params.ORIGINAL_LEVEL));
  }

  private String comment(Map<String, String> params, Locale locale) {
    String comment = params.get(Params.COMMENT);
    return comment == null || comment.isBlank()
        ? msg("member-decided.email.no-comment", locale)
        : msg("member-decided.email.comment", locale, comment);
  }

  /** The complaint window's end, in the recipients' time zone. */
  private String windowEnd(Map<String, String> params, Locale locale) {
    String end = params.get(Params.COMPLAINT_WINDOW_END);
    try {
      return DateTimeFormatter.ofPattern(msg("format.date-time", locale), locale)
          .withZone(zone)
          .format(Instant.parse(end));
    } catch (RuntimeException e) {
      return p(params, Params.COMPLAINT_WINDOW_END);
    }
  }

  /**
   * The task by its name in the reader's language where the bundle has one ({@code task-name.*}, English only): the
   * engine names tasks in Vietnamese (the twelfth session's outsider, finding 14: "New task: Tự kiểm điểm").
   */
  private Map<String, String> inLanguage(Map<String, String> params, Locale locale) {
    String key = params.get(Params.TASK_KEY);
    String name = key == null ? null : messages.getMessage("task-name." + key, null, null, locale);
    if (name == null) {
      return params;
    }
    Map<String, String> copy = new HashMap<>(params);
    copy.put(Params.TASK_NAME, name);
    return copy;
  }

  private String msg(String code, Locale locale, Object... args) {
    return messages.getMessage(code, args, locale);
  }

  private static String p(Map<String, String> params, String name) {
    String value = params.get(name);
    return value == null ? "" : value;
  }

  /** A line break in a subject would let event text add mail headers. */
  private static String oneLine(String text) {
    return text.replaceAll("[\\r\\n\\t]+", " ").strip();
  }

  private static String text(List<Block> blocks) {
    StringBuilder out = new StringBuilder();
    for (Block block : blocks) {
      if (!out.isEmpty()) {
        out.append("\n\n");
      }
      out.append(block.text());
      if (block.link() != null) {
        out.append(block.text().isEmpty() ? "" : "\n").append(block.link());
      }
    }
    return out.append('\n').toString();
  }

  private static String html(List<Block> blocks, Locale locale) {
    StringBuilder out =
        new StringBuilder()
            .append("<!DOCTYPE html><html lang=\"")
            .append(HtmlUtils.htmlEscape(locale.getLanguage()))
            .append("\"><head><meta charset=\"UTF-8\"></head>")
            .append(
                "<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5\">");
    for (Block block : blocks) {
      out.append("<p>").append(escape(block.text()));
      if (block.link() != null) {
        String href = HtmlUtils.htmlEscape(block.link(), "UTF-8");
        out.append(block.text().isEmpty() ? "" : "<br>")
            .append("<a href=\"")
            .append(href)
            .append("\">")
            .append(href)
            .append("</a>");
      }
      out.append("</p>");
    }
    return out.append("</body></html>").toString();
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8").replace("\n", "<br>");
  }

  private record Block(String text, String link) {}
}
