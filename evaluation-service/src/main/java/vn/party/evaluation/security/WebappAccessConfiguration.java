package vn.party.evaluation.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The webapps' application APIs, each for the sessions signed in to that application ({@link WebappAppAccessFilter}). */
@Configuration
public class WebappAccessConfiguration {

  @Bean
  FilterRegistrationBean<WebappAppAccessFilter> webappAppAccessFilter() {
    var registration = new FilterRegistrationBean<>(new WebappAppAccessFilter());
    registration.setName("webapp-app-access");
    registration.addUrlPatterns("/camunda/api/cockpit/*", "/camunda/api/admin/*");
    // after the webapps' own authentication filter has put the session's authentications in place
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }
}
