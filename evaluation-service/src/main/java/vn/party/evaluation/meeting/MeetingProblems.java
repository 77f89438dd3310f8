package vn.party.evaluation.meeting;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.FieldProblem;

/**
 * A meeting's refusal as a person reads it, at both doors (the API and the meeting page): each problem keeps its
 * {@code field} (a member's line as {@code entries[taskId].field}, for API clients) and reason, and its message is a
 * sentence naming the field by its label and the member by name — never the path or the task id (tenth session's
 * outsider, LOW 9: "Không có entries[…].taskId này"). A line for a task that is not on the meeting's agenda names
 * nobody: it says so, without the id.
 */
@Component
public class MeetingProblems {

  private static final String ENTRY = "entries[";

  private final MessageSource messages;

  public MeetingProblems(MessageSource messages) {
    this.messages = messages;
  }

  /** The refusal of these problems (400), each with its sentence; the members named from the agenda. */
  public ApiException refusal(List<FieldProblem> problems, Map<String, String> memberNames) {
    return ApiException.invalid(worded(problems, memberNames));
  }

  /**
   * A body of another kind than one JSON object ({@code […]}, a text, a number): the answer every JSON body of the API
   * gives ({@code ApiExceptionHandler}), not "not valid JSON" (session 13's outsider, LOW 16).
   */
  public ApiException notAnObject() {
    Locale locale = LocaleContextHolder.getLocale();
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        "error.not-an-object",
        List.of(
            new FieldProblem(
                "body",
                "malformed",
                messages.getMessage("reason.malformed.not-an-object", null, locale))));
  }

  /** Each problem with its sentence (one that has a message already keeps it, naming the member). */
  public List<FieldProblem> worded(List<FieldProblem> problems, Map<String, String> memberNames) {
    Locale locale = LocaleContextHolder.getLocale();
    return problems.stream().map(problem -> worded(problem, memberNames, locale)).toList();
  }

  private FieldProblem worded(FieldProblem problem, Map<String, String> names, Locale locale) {
    String field = problem.field();
    int close = field.indexOf(']');
    if (!field.startsWith(ENTRY) || close < ENTRY.length()) {
      return problem.message() != null
          ? problem
          : new FieldProblem(
              field, problem.reason(), sentence(problem, label(field, locale), locale));
    }
    String taskId = field.substring(ENTRY.length(), close);
    String member = names.get(taskId);
    String inEntry = close + 2 <= field.length() ? field.substring(close + 2) : "";
    if (member == null && "taskId".equals(inEntry)) {
      // a line for no member on the agenda: said without the id the client sent
      return new FieldProblem(
          field,
          problem.reason(),
          messages.getMessage("reason.meeting-entry-not-on-agenda", null, locale));
    }
    String label = label(inEntry, locale);
    String message;
    if (problem.message() != null) {
      message =
          member == null
              ? problem.message()
              : messages.getMessage(
                  "meeting.member-problem", new Object[] {member, problem.message()}, locale);
    } else {
      message = sentence(problem, member == null ? label : label + " (" + member + ")", locale);
      if (member != null && !message.contains(member)) {
        // a reason whose sentence names no field ("more votes than members present"): the member
        // before it
        message =
            messages.getMessage("meeting.member-problem", new Object[] {member, message}, locale);
      }
    }
    return new FieldProblem(field, problem.reason(), message);
  }

  private String sentence(FieldProblem problem, String label, Locale locale) {
    // the one wording of a reason: with the range, the maximum or the format expected where known
    // (format.*: a date held on the page, twelfth session's outsider, MEDIUM 6)
    return problem.shown(messages, label, locale);
  }

  /**
   * A field's label ({@code field.*}): of a path's last part ({@code votes.BEST}: the votes), else the name as sent
   * (a field the API does not know is named as the client wrote it).
   */
  private String label(String field, Locale locale) {
    String last = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
    // votes.GOOD: the votes for that level (field.votesGOOD), as the page's votesGOOD
    String label =
        field.contains(".")
            ? messages.getMessage("field." + field.replace(".", ""), null, null, locale)
            : null;
    if (label == null) {
      label = messages.getMessage("field." + last, null, null, locale);
    }
    if (label == null && field.contains(".")) {
      String first = field.substring(0, field.indexOf('.'));
      label = messages.getMessage("field." + first, null, null, locale);
    }
    return label != null ? label : last;
  }
}
