package vn.party.evaluation.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The refusals the account filters write themselves, before Spring MVC runs: a problem document (RFC 9457) whose
 * detail is in the caller's language. One place, so that the sign-in throttle and the first-sign-in rule answer in
 * the same form.
 */
final class FilterProblems {

  private FilterProblems() {}

  /**
   * 403 {@code password-change-required}: the account must change its password first, at {@code changePassword}.
   */
  static void passwordChangeRequired(
      HttpServletRequest request,
      HttpServletResponse response,
      MessageSource messages,
      String changePassword)
      throws IOException {
    String message =
        messages.getMessage(
            "error.password-change-required",
            null,
            "Change your password first",
            callersLocale(request));
    write(
        response,
        403,
        "Forbidden",
        message,
        ",\"reason\":\"password-change-required\",\"changePassword\":\"" + changePassword + "\"");
  }

  /**
   * Writes the problem document; {@code members} are the members after {@code detail}, each led by a comma (or
   * empty).
   */
  static void write(
      HttpServletResponse response, int status, String title, String detail, String members)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\""
                + title
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + json(detail)
                + "\""
                + members
                + "}");
  }

  /**
   * Vietnamese unless the caller asks for another language: these filters run before Spring MVC has set the
   * request's locale, where the JVM's default would answer in English.
   */
  static Locale callersLocale(HttpServletRequest request) {
    return request.getHeader("Accept-Language") == null
        ? Locale.forLanguageTag("vi")
        : request.getLocale();
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
