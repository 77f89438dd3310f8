package vn.party.evaluation.account;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import vn.party.evaluation.security.SessionRights;

/** The accounts' filters, in front of every door and after each door's sign-in. */
@Configuration
public class AccountsWebConfiguration {

  /** Before Spring Security (-100), the webapps' and the engine REST API's own filters. */
  @Bean
  FilterRegistrationBean<SignInThrottleFilter> signInThrottleFilter(
      SignInThrottle throttle,
      MessageSource messages,
      PasswordFlags flags,
      IdentityService identityService,
      @Value("${evaluation.sign-in-throttle.trusted-proxies:}") String trustedProxies) {
    // addresses or CIDR ranges; none by default: the socket's address counts (ClientAddress)
    Set<String> proxies =
        Arrays.stream(trustedProxies.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    var registration =
        new FilterRegistrationBean<>(
            new SignInThrottleFilter(throttle, proxies, messages, flags, identityService));
    registration.setName("sign-in-throttle");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  /** After Spring Security and after the engine REST API's authentication (order 100). */
  @Bean
  FilterRegistrationBean<PasswordChangeRequiredFilter> passwordChangeRequiredFilter(
      PasswordFlags flags, IdentityService identityService, MessageSource messages) {
    var registration =
        new FilterRegistrationBean<>(
            new PasswordChangeRequiredFilter(flags, identityService, messages));
    registration.setName("password-change-required");
    registration.addUrlPatterns("/app", "/app/*", "/api/*", "/engine-rest/*");
    registration.setOrder(105);
    return registration;
  }

  /**
   * The webapps' sessions: the must-change flag and a password set anew since the sign-in, each request (with the
   * webapps' own filters, like {@code security.WebappAppAccessFilter}).
   */
  @Bean
  FilterRegistrationBean<WebappSessionFilter> webappSessionFilter(
      SessionRights sessionRights, MessageSource messages) {
    var registration =
        new FilterRegistrationBean<>(new WebappSessionFilter(sessionRights, messages));
    registration.setName("webapp-session-rights");
    registration.addUrlPatterns("/camunda/api/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
    return registration;
  }
}
