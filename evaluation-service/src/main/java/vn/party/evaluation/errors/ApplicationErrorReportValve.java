package vn.party.evaluation.errors;

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
import org.springframework.http.HttpStatus;
import vn.party.evaluation.portal.PagesLanguage;
import vn.party.evaluation.portal.PortalConfiguration;

/**
 * Tomcat's own error report, for errors it answers before the application sees the request (an encoded {@code %2F}
 * in a path, a malformed URI or header): the application's answer instead of Tomcat's English HTML page with its
 * version — problem details for the APIs (in the caller's Accept-Language, Vietnamese without one), a plain page for
 * everything else in the people's language as every page speaks it ({@code evaluation.portal.default-locale},
 * Vietnamese whatever the browser asks; English with {@code ?lang=en} or the {@code lang} cookie it leaves:
 * {@link PagesLanguage}). Installed on the host by {@link ErrorPagesConfiguration}; messages from the application's
 * bundles ({@code ui.error.*}).
 */
public class ApplicationErrorReportValve extends ErrorReportValve {

  private final Locale pagesLocale;

  /** As Tomcat builds it by its class name: the pages in Vietnamese. */
  public ApplicationErrorReportValve() {
    this(PortalConfiguration.VIETNAMESE);
  }

  public ApplicationErrorReportValve(Locale pagesLocale) {
    this.pagesLocale = pagesLocale;
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    String uri = request.getRequestURI() == null ? "/" : request.getRequestURI();
    boolean json = ErrorAnswers.wantsJson(uri, request.getHeader("Accept"));
    boolean english = json ? englishClient(request) : englishAsked(request);
    String message = message(ApplicationErrorController.messageKey(status), english);
    try {
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer == null) {
        return;
      }
      if (json) {
        response.setContentType("application/problem+json");
        writer.write(
            "{\"type\":\"about:blank\",\"title\":\""
                + reason(status)
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + json(message)
                + "\",\"instance\":\""
                + ErrorAnswers.safePath(uri)
                + "\"}");
      } else {
        response.setContentType("text/html;charset=UTF-8");
        String title = message("ui.error.title", english);
        writer.write(
            "<!DOCTYPE html><html lang=\""
                + (english ? "en" : "vi")
                + "\"><head><meta charset=\"UTF-8\">"
                + "<title>"
                + html(title)
                + "</title><link rel=\"stylesheet\" href=\"/assets/app.css\"></head><body>"
                + "<main><h1>"
                + html(title)
                + "</h1><p class=\"alert\" id=\"error-message\">"
                + html(message)
                + "</p><p><a href=\"/app\">"
                + html(message("ui.error.home", english))
                + "</a></p></main></body></html>");
      }
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      ExceptionUtils.handleThrowable(e);
    }
  }

  /** A person's page: English only if asked for ({@code ?lang=en}, the cookie), whatever the browser's language. */
  private boolean englishAsked(Request request) {
    Locale asked = PagesLanguage.requested(request.getQueryString(), request.getCookies());
    return "en".equals((asked != null ? asked : pagesLocale).getLanguage());
  }

  /** An API client: its Accept-Language, Vietnamese without one. */
  private static boolean englishClient(Request request) {
    String accept = request.getHeader("Accept-Language");
    return accept != null && accept.trim().toLowerCase(Locale.ROOT).startsWith("en");
  }

  private static String message(String key, boolean english) {
    try {
      ResourceBundle bundle =
          ResourceBundle.getBundle(
              "messages",
              english ? Locale.ENGLISH : Locale.ROOT,
              ApplicationErrorReportValve.class.getClassLoader(),
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES));
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return english ? "The request could not be served." : "Không thực hiện được yêu cầu.";
    }
  }

  private static String reason(int status) {
    var known = HttpStatus.resolve(status);
    return known == null ? "Error" : known.getReasonPhrase();
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String html(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
