package vn.party.evaluation.web;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.process.validation.TextCharacters;

/**
 * One character check for every JSON request body of the domain API that is one of this service's records: each text
 * in it (at any depth: records, lists, maps) that {@link TextCharacters} refuses is refused with 400 before any
 * controller or the database sees it, naming the field and the reason ({@code control-characters},
 * {@code invalid-characters}). Issue 12, outsider's re-attack of 2026-12-06 (fourth session): a NUL in a committee
 * seat's {@code personId} reached PostgreSQL ("invalid byte sequence for encoding UTF8: 0x00") and answered 500; each
 * service checked only the fields it thought of. The services' own checks (length, required, blank) still follow.
 */
@RestControllerAdvice(annotations = RestController.class)
public class RequestTextCharacters extends RequestBodyAdviceAdapter {

  private static final String OWN_PACKAGE = "vn.party.";

  private final FieldErrorProblems problems;

  public RequestTextCharacters(FieldErrorProblems problems) {
    this.problems = problems;
  }

  @Override
  public boolean supports(
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return targetType instanceof Class<?> type && ours(type);
  }

  @Override
  public Object afterBodyRead(
      Object body,
      HttpInputMessage inputMessage,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    List<FieldError> found = refused(body);
    if (!found.isEmpty()) {
      throw ApiException.invalid(problems.of(found));
    }
    return body;
  }

  @Override
  public HttpInputMessage beforeBodyRead(
      HttpInputMessage inputMessage,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType)
      throws IOException {
    return inputMessage;
  }

  /** Each text of the body {@link TextCharacters} refuses, named by its path ({@code personId}, {@code rows[2].name}). */
  static List<FieldError> refused(Object body) {
    List<FieldError> found = new ArrayList<>();
    collect("", body, found, 0);
    return found;
  }

  private static void collect(String path, Object value, List<FieldError> found, int depth) {
    if (value == null || depth > 16) {
      return;
    }
    if (value instanceof CharSequence text) {
      String reason = TextCharacters.problem(text.toString());
      if (reason != null) {
        found.add(new FieldError(path.isEmpty() ? "body" : path, reason));
      }
    } else if (value instanceof Map<?, ?> map) {
      map.forEach(
          (key, entry) -> {
            String name = String.valueOf(key);
            String reason = TextCharacters.problem(name);
            if (reason != null) {
              found.add(new FieldError(path.isEmpty() ? "body" : path, reason));
            } else {
              collect(join(path, name), entry, found, depth + 1);
            }
          });
    } else if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        collect(path + "[" + i++ + "]", item, found, depth + 1);
      }
    } else if (value.getClass().isRecord() && ours(value.getClass())) {
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        Object part;
        try {
          // request records are often nested in a controller and not public
          Method accessor = component.getAccessor();
          accessor.setAccessible(true);
          part = accessor.invoke(value);
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
          continue;
        }
        collect(join(path, component.getName()), part, found, depth + 1);
      }
    }
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static boolean ours(Class<?> type) {
    return type.isRecord() && type.getName().startsWith(OWN_PACKAGE);
  }
}
