package vn.party.notification.errors;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.ExceptionUtils;

/**
 * Tomcat's own error report, for what it refuses before the application sees the request (a 100 KB header, a
 * malformed URI, an encoded {@code %2F}): problem details in Vietnamese (English with an English Accept-Language)
 * instead of Tomcat's English HTML page "HTTP Status 400" with its version (issue 12), as evaluation-service answers.
 * Installed on the host by {@link ErrorReportConfiguration}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    boolean english = english(request);
    String key = ErrorMessages.key(status);
    String uri = request.getRequestURI() == null ? "/" : request.getRequestURI();
    try {
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer == null) {
        return;
      }
      response.setContentType("application/problem+json");
      writer.write(
          "{\"type\":\"about:blank\",\"title\":\""
              + json(message(key + ".title", english))
              + "\",\"status\":"
              + status
              + ",\"detail\":\""
              + json(message(key, english))
              + "\",\"instance\":\""
              + ErrorMessages.safePath(uri)
              + "\"}");
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      ExceptionUtils.handleThrowable(e);
    }
  }

  private static boolean english(Request request) {
    String accept;
    try {
      accept = request.getHeader("Accept-Language");
    } catch (RuntimeException unreadable) {
      return false;
    }
    return accept != null && accept.trim().toLowerCase(Locale.ROOT).startsWith("en");
  }

  private static String message(String key, boolean english) {
    try {
      ResourceBundle bundle =
          ResourceBundle.getBundle(
              "messages",
              english ? Locale.ENGLISH : Locale.ROOT,
              ProblemErrorReportValve.class.getClassLoader(),
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES));
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return english ? "The request could not be served." : "Không thực hiện được yêu cầu.";
    }
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
