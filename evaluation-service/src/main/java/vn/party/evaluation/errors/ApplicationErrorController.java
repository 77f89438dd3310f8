package vn.party.evaluation.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import vn.party.evaluation.portal.PortalPage;

/**
 * Every error that reaches the servlet container's error page ({@code /error}: no such page, method not allowed, a
 * refusal of Spring Security, an unhandled exception) gets the application's own answer instead of Spring Boot's
 * Whitelabel page: problem details (JSON) for the APIs ({@code /api/**}, {@code /engine-rest/**}), the people's
 * pages' error page for everything else, in the reader's language (Vietnamese unless English is chosen). Errors Tomcat
 * answers before any servlet (an encoded {@code %2F} in a path) get the same from {@link ApplicationErrorReportValve}.
 */
@Controller
@PortalPage
public class ApplicationErrorController implements ErrorController {

  private final MessageSource messages;

  public ApplicationErrorController(MessageSource messages) {
    this.messages = messages;
  }

  @RequestMapping("/error")
  public Object error(HttpServletRequest request) {
    int status = status(request);
    String path = path(request);
    String message = messages.getMessage(messageKey(status), null, LocaleContextHolder.getLocale());
    if (ErrorAnswers.wantsJson(path, request.getHeader("Accept"))) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), message);
      problem.setInstance(URI.create(ErrorAnswers.safePath(path)));
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    ModelAndView page =
        new ModelAndView("portal/error", Map.of("status", status, "message", message));
    page.setStatus(HttpStatus.valueOf(status));
    return page;
  }

  static String messageKey(int status) {
    return switch (status) {
      case 400, 401, 403, 404, 405, 429, 500 -> "ui.error." + status;
      default -> "ui.error.other";
    };
  }

  private static int status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value ? value : 500;
    return HttpStatus.resolve(status) == null || status < 400 ? 500 : status;
  }

  private static String path(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri instanceof String value ? value : request.getRequestURI();
    return path.substring(Math.min(path.length(), request.getContextPath().length()));
  }
}
