package vn.party.evaluation.engine;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers the webapps' engine API servlet ("Engine Api", {@code <webapp path>/api/engine/*}) with {@link
 * WebappEngineRestApplication} before the webapp starter does: the starter keeps a servlet of that name when one is
 * registered already.
 */
@Configuration(proxyBeanMethods = false)
public class WebappEngineRestConfiguration {

  static final String SERVLET_NAME = "Engine Api";

  @Bean
  ServletRegistrationBean<ServletContainer> webappEngineApi(CamundaBpmProperties properties) {
    String path = properties.getWebapp().getApplicationPath();
    var registration =
        new ServletRegistrationBean<>(new ServletContainer(), path + "/api/engine/*");
    registration.setName(SERVLET_NAME);
    registration.addInitParameter(
        "jakarta.ws.rs.Application", WebappEngineRestApplication.class.getName());
    registration.setLoadOnStartup(-1);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
