package vn.party.evaluation.abuse;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The endpoints the running application serves, read from what serves them rather than listed by hand: the JAX-RS
 * resources of the engine REST API ({@code CamundaRestResources}: the default engine's {@code /engine-rest/...} and
 * the named engines' {@code /engine-rest/engine/{name}/...}) and of the webapps ({@code /camunda/api/{app}/...}),
 * walked through their sub-resource locators; and Spring MVC's handler methods.
 */
final class Endpoints {

  /** One served endpoint: its HTTP method, path template, the Java method serving it and its request body type. */
  record Endpoint(String door, String method, String template, Method handler, Class<?> body) {

    /** A read: GET, or a query sent by POST (the engine's {@code query…}, {@code count…}, filter executions). */
    boolean read() {
      String name = handler.getName();
      return method.equals("GET")
          || method.equals("HEAD")
          || method.equals("OPTIONS")
          || name.startsWith("query")
          || name.startsWith("count")
          || name.startsWith("execute")
          || name.startsWith("get");
    }

    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  private Endpoints() {}

  /** The JAX-RS endpoints of the root resource classes, under the servlet's prefix. */
  static List<Endpoint> jaxRs(String door, String prefix, Iterable<Class<?>> roots) {
    Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    for (Class<?> root : roots) {
      Path path = root.getAnnotation(Path.class);
      if (path != null) {
        walk(door, join(prefix, path.value()), root, endpoints, 0);
      }
    }
    return new ArrayList<>(endpoints.values());
  }

  private static void walk(
      String door, String prefix, Class<?> type, Map<String, Endpoint> into, int depth) {
    if (depth > 8) {
      return;
    }
    for (Method method : type.getMethods()) {
      Method annotated = annotated(type, method);
      if (annotated == null) {
        continue;
      }
      Path path = annotated.getAnnotation(Path.class);
      String httpMethod = httpMethod(annotated);
      String template = path == null ? prefix : join(prefix, path.value());
      if (httpMethod != null) {
        into.putIfAbsent(
            httpMethod + " " + template,
            new Endpoint(door, httpMethod, template, annotated, bodyType(annotated)));
      } else if (path != null) {
        walk(door, template, method.getReturnType(), into, depth + 1); // a sub-resource locator
      }
    }
  }

  /** The method itself or the same method of an interface or superclass, where the JAX-RS annotations are. */
  private static Method annotated(Class<?> type, Method method) {
    Set<Class<?>> types = new LinkedHashSet<>();
    collectTypes(type, types);
    for (Class<?> candidate : types) {
      try {
        Method m = candidate.getMethod(method.getName(), method.getParameterTypes());
        if (m.isAnnotationPresent(Path.class) || httpMethod(m) != null) {
          return m;
        }
      } catch (NoSuchMethodException e) {
        // not declared there
      }
    }
    return null;
  }

  private static void collectTypes(Class<?> type, Set<Class<?>> into) {
    if (type == null || type == Object.class || !into.add(type)) {
      return;
    }
    for (Class<?> i : type.getInterfaces()) {
      collectTypes(i, into);
    }
    collectTypes(type.getSuperclass(), into);
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  /** The parameter without a JAX-RS annotation is the request body. */
  private static Class<?> bodyType(Method method) {
    for (Parameter parameter : method.getParameters()) {
      boolean bound =
          Arrays.stream(parameter.getAnnotations())
              .anyMatch(a -> a.annotationType().getName().startsWith("jakarta.ws.rs."));
      if (!bound) {
        return parameter.getType();
      }
    }
    return null;
  }

  /** Spring MVC's handler methods whose path starts with one of the prefixes. */
  static List<Endpoint> spring(RequestMappingHandlerMapping mapping, String... prefixes) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
        mapping.getHandlerMethods().entrySet()) {
      Set<String> patterns = entry.getKey().getPatternValues();
      Set<String> methods = new LinkedHashSet<>();
      entry.getKey().getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
      if (methods.isEmpty()) {
        methods.add("GET");
      }
      for (String pattern : patterns) {
        if (Arrays.stream(prefixes)
            .noneMatch(p -> pattern.equals(p) || pattern.startsWith(p + "/"))) {
          continue;
        }
        for (String method : methods) {
          endpoints.add(
              new Endpoint("spring", method, pattern, entry.getValue().getMethod(), null));
        }
      }
    }
    endpoints.sort((a, b) -> a.toString().compareTo(b.toString()));
    return endpoints;
  }

  static String join(String prefix, String path) {
    String joined = (prefix + "/" + path).replaceAll("/+", "/");
    // a template's own regular expressions ({id:.+}) are not part of the address
    joined = joined.replaceAll("\\{([^}:/]+?)\\s*:[^}]*}", "{$1}");
    return joined.length() > 1 && joined.endsWith("/")
        ? joined.substring(0, joined.length() - 1)
        : joined;
  }
}
