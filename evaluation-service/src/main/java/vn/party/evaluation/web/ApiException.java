package vn.party.evaluation.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import vn.party.evaluation.process.validation.TextCharacters;

/** A refusal the API explains: status, a message key (see messages*.properties) and the fields at fault. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String messageKey;
  private final Object[] arguments;
  private final List<FieldProblem> problems;

  public ApiException(
      HttpStatus status, String messageKey, List<FieldProblem> problems, Object... arguments) {
    super(messageKey);
    this.status = status;
    this.messageKey = messageKey;
    // the reader's own text (an id in the path) is repeated neutralised, here for every refusal
    // that echoes one (twelfth session's outsider, LOW 14: a bidirectional override in a 404)
    this.arguments = neutralised(arguments);
    this.problems = problems;
  }

  public static ApiException notFound(String messageKey, Object... arguments) {
    return new ApiException(HttpStatus.NOT_FOUND, messageKey, List.of(), arguments);
  }

  public static ApiException forbidden() {
    return new ApiException(HttpStatus.FORBIDDEN, "error.forbidden", List.of());
  }

  /**
   * Recusal: the person asked to change their own record or result (a level adjustment, an exemption, a movement, a
   * roster fact) — nobody decides their own case (issue 12). 403 with the reason.
   */
  public static ApiException ownRecord() {
    return new ApiException(HttpStatus.FORBIDDEN, "error.own-record", List.of());
  }

  public static ApiException conflict(String messageKey, Object... arguments) {
    return new ApiException(HttpStatus.CONFLICT, messageKey, List.of(), arguments);
  }

  public static ApiException invalid(List<FieldProblem> problems) {
    return new ApiException(HttpStatus.BAD_REQUEST, "error.invalid", problems);
  }

  private static Object[] neutralised(Object[] arguments) {
    if (arguments == null) {
      return null;
    }
    Object[] shown = arguments.clone();
    for (int i = 0; i < shown.length; i++) {
      if (shown[i] instanceof CharSequence text) {
        shown[i] = TextCharacters.neutralised(text.toString());
      }
    }
    return shown;
  }

  public HttpStatus status() {
    return status;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments;
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
