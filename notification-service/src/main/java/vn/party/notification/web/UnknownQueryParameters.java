package vn.party.notification.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A GET of the API refuses a query parameter it does not take, with a 400 naming it ({@code reason:
 * unknown-parameter}), instead of ignoring it (issue 12, outsider's re-attack of 2026-12-06, finding 11): a
 * client that sent {@code size=5}, {@code page=2} or {@code offset=10} to the notification list silently got the
 * default page, and could not tell. The list pages by {@code limit} only; any other name is a mistake the client
 * is told about, as Stripe's API answers "unknown parameter".
 */
@Configuration(proxyBeanMethods = false)
class UnknownQueryParameters implements WebMvcConfigurer, HandlerInterceptor {

  private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/**");
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!"GET".equals(request.getMethod()) || !(handler instanceof HandlerMethod method)) {
      return true;
    }
    Set<String> taken = new HashSet<>();
    for (MethodParameter parameter : method.getMethodParameters()) {
      RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
      if (param == null) {
        continue;
      }
      if (Map.class.isAssignableFrom(parameter.getParameterType())) {
        return true; // takes any parameter
      }
      String name = !param.name().isEmpty() ? param.name() : param.value();
      if (name.isEmpty()) {
        parameter.initParameterNameDiscovery(NAMES);
        name = parameter.getParameterName();
      }
      taken.add(name);
    }
    List<String> unknown = new ArrayList<>();
    request
        .getParameterNames()
        .asIterator()
        .forEachRemaining(
            name -> {
              if (!taken.contains(name)) {
                unknown.add(name);
              }
            });
    if (!unknown.isEmpty()) {
      throw new UnknownParameterException(unknown);
    }
    return true;
  }

  /** Query parameters the endpoint does not take, in the order sent. */
  static class UnknownParameterException extends RuntimeException {

    private final List<String> names;

    UnknownParameterException(List<String> names) {
      super("unknown query parameters " + names.size());
      this.names = List.copyOf(names);
    }

    List<String> names() {
      return names;
    }
  }
}
