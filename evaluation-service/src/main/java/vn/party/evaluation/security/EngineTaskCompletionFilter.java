package vn.party.evaluation.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * The outer layer of task completions through the engine REST API and Tasklist, in every path form: an oversized body
 * is refused before it is read (an unknown task is the engine's, answered as a forbidden one by {@code
 * engine.EngineRestProblems}). Which variables a
 * completion may carry, and their values, is the engine's own check ({@code security.engine.UserCommandGuard} and the
 * completion listener), which every door reaches; this filter no longer judges them (it matched URLs, and missed
 * {@code /engine-rest/engine/default/task/{id}/complete}: issue 12).
 */
public class EngineTaskCompletionFilter extends OncePerRequestFilter {

  private static final Pattern COMPLETION =
      Pattern.compile(
          "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(?:complete|submit-form|resolve)/?$");
  private static final int MAX_BODY = 1 << 20;

  private final TaskService taskService;
  private final SystemAccess systemAccess;
  private final ObjectMapper objectMapper;

  public EngineTaskCompletionFilter(
      TaskService taskService, SystemAccess systemAccess, ObjectMapper objectMapper) {
    this.taskService = taskService;
    this.systemAccess = systemAccess;
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(path(request)).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher matcher = COMPLETION.matcher(path(request));
    matcher.matches();
    String taskId = UriUtils.decode(matcher.group(1), StandardCharsets.UTF_8);
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      refuse(response, 413, "request body too large");
      return;
    }
    // an unknown task goes on to the engine, which answers it as it answers a task one may not
    // see (EngineRestProblems): a 404 here, before the body was read, against a 400 for a broken
    // body on a real task, told whether a task id exists (issue 12, finding 9)
    chain.doFilter(new BodyReplayingRequest(request, body), response);
  }

  private void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    objectMapper.writeValue(
        response.getOutputStream(), Map.of("type", "InvalidRequestException", "message", message));
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
