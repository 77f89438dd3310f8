package vn.party.evaluation.errors;

import java.util.Arrays;
import java.util.Locale;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ApplicationErrorReportValve} in place of Tomcat's error report on the host, speaking the pages' language
 * ({@code evaluation.portal.default-locale}).
 */
@Component
public class ErrorPagesConfiguration
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  private final Locale pagesLocale;

  public ErrorPagesConfiguration(
      @Value("${evaluation.portal.default-locale:vi}") String pagesLocale) {
    this.pagesLocale = Locale.forLanguageTag(pagesLocale);
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          if (context.getParent() instanceof StandardHost host) {
            // the host adds a valve of this class at its start unless one is there: this one, with
            // the pages' language
            host.setErrorReportValveClass(ApplicationErrorReportValve.class.getName());
            if (Arrays.stream(host.getPipeline().getValves())
                .noneMatch(ApplicationErrorReportValve.class::isInstance)) {
              host.getPipeline().addValve(new ApplicationErrorReportValve(pagesLocale));
            }
          }
        });
  }
}
