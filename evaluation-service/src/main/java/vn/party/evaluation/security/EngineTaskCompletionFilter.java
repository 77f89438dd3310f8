package vn.party.evaluation.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.process.validation.TaskCompletionRules;

/**
 * Task completions through the engine REST API and Tasklist carry only the task form's own fields, with values the
 * form's rules accept (text, or a number or true/false where the form has one).
 * Without this, a member completing their own self-review could send any process variable along (who the member
 * is, which committee decides) and re-route their own evaluation; the domain API refuses the same. Unknown tasks
 * are a 404 here rather than the engine's 500.
 */
public class EngineTaskCompletionFilter extends OncePerRequestFilter {

  private static final Pattern COMPLETION = Pattern.compile(
      "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(?:complete|submit-form|resolve)/?$");
  private static final int MAX_BODY = 1 << 20;
  private static final Set<String> NUMBER_TYPES = Set.of("integer", "long", "short", "double");

  private final TaskService taskService;
  private final SystemAccess systemAccess;
  private final ObjectMapper objectMapper;

  public EngineTaskCompletionFilter(TaskService taskService, SystemAccess systemAccess, ObjectMapper objectMapper) {
    this.taskService = taskService;
    this.systemAccess = systemAccess;
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(path(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher matcher = COMPLETION.matcher(path(request));
    matcher.matches();
    String taskId = UriUtils.decode(matcher.group(1), StandardCharsets.UTF_8);
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      refuse(response, 413, "request body too large");
      return;
    }
    Task task = systemAccess.call(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      refuse(response, 404, "Cannot find task " + taskId);
      return;
    }
    List<String> problems = problems(task.getTaskDefinitionKey(), body);
    if (!problems.isEmpty()) {
      refuse(response, 400, String.join("; ", problems));
      return;
    }
    chain.doFilter(new CachedBody(request, body), response);
  }

  /** Fields that are not on the task's form, or not text. A body that is not JSON is left to the engine (400). */
  private List<String> problems(String taskKey, byte[] body) {
    List<String> problems = new ArrayList<>();
    JsonNode variables;
    try {
      variables = body.length == 0 ? null : objectMapper.readTree(body).get("variables");
    } catch (IOException | RuntimeException e) {
      return problems;
    }
    if (variables == null || !variables.isObject()) {
      return problems;
    }
    List<String> fields = TaskCompletionRules.covers(taskKey) ? TaskCompletionRules.fields(taskKey) : List.of();
    Map<String, Object> values = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      if (!fields.contains(variable.getKey())) {
        problems.add(variable.getKey() + ": unknown-field");
        continue;
      }
      values.put(variable.getKey(), value(variable.getValue()));
    }
    if (!fields.isEmpty()) {
      // the form's rules, for the fields sent; a required field left out is refused by the engine's own listener.
      // So is a level above the member's cap: only the values sent are checked here, before the engine has checked
      // that the user may work on the task, and a cap would tell a stranger about the member's discipline.
      // The vote rule too: its thresholds are configuration the application sets on the task, not in this body.
      TaskCompletionRules.check(taskKey, values).stream().filter(error -> values.containsKey(error.field()))
          .filter(error -> !FieldError.VOTE_NOT_SUPPORTED.equals(error.reason()))
          .forEach(error -> problems.add(error.toString()));
    }
    return problems;
  }

  /**
   * The value as the engine would store it, for the rules to judge: text, a boolean (a checkbox) or a number (sent
   * without a type, as Tasklist does, or with a matching one). Anything else is handed to the rules as it is, and
   * they refuse it for that field.
   */
  private static Object value(JsonNode variable) {
    JsonNode value = variable.get("value");
    JsonNode typeNode = variable.get("type");
    String type = typeNode == null || typeNode.isNull() ? null : typeNode.asText().toLowerCase(Locale.ROOT);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isTextual() && (type == null || "string".equals(type))) {
      return value.asText();
    }
    if (value.isBoolean() && (type == null || "boolean".equals(type))) {
      return value.booleanValue();
    }
    if (value.isNumber() && (type == null || NUMBER_TYPES.contains(type))) {
      return value.numberValue();
    }
    return value;
  }

  private void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    objectMapper.writeValue(response.getOutputStream(), Map.of("type", "InvalidRequestException", "message", message));
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /** The request with its body already read, so the engine REST API can read it again. */
  private static final class CachedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
