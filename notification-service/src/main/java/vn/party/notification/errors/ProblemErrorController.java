package vn.party.notification.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every error that reaches the container's error page ({@code /error}) answers with problem details in the caller's
 * language, as evaluation-service does, instead of Spring Boot's {@code {"status":999}} for a direct request or its
 * default body (issue 12). A direct request to {@code /error}, where nothing failed, is a 404.
 */
@RestController
class ProblemErrorController implements ErrorController {

  private final MessageSource messages;

  ProblemErrorController(MessageSource messages) {
    this.messages = messages;
  }

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request, Locale locale) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status =
        code instanceof Integer value && value >= 400 && HttpStatus.resolve(value) != null
            ? value
            : 404;
    String key = ErrorMessages.key(status);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.valueOf(status), messages.getMessage(key, null, locale));
    problem.setTitle(messages.getMessage(key + ".title", null, locale));
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    problem.setInstance(
        URI.create(ErrorMessages.safePath(uri instanceof String path ? path : "/error")));
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
