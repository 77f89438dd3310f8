package vn.party.evaluation.portal;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language: Vietnamese first. The people's pages (and the sign-in page) speak {@code evaluation.portal.default-locale}
 * (Vietnamese) whatever the browser asks — office PCs are often set to English — and switch only on request,
 * {@code ?lang=en} / {@code ?lang=vi} on any page, remembered in a cookie; so do the error pages people get, whoever
 * answers them ({@link PagesLanguage}). API clients are answered in their
 * Accept-Language, and without one in Vietnamese.
 */
@Configuration
public class PortalConfiguration implements WebMvcConfigurer {

  public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  private final Locale pagesLocale;

  public PortalConfiguration(@Value("${evaluation.portal.default-locale:vi}") String pagesLocale) {
    this.pagesLocale = Locale.forLanguageTag(pagesLocale);
  }

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver(PagesLanguage.COOKIE);
    resolver.setDefaultLocaleFunction(
        request -> {
          // a page, or the error page a person gets for any request (Tomcat's and Spring's errors
          // too: the error dispatch's path is /error, the first request's path decides)
          if (PagesLanguage.speaksPeoplesLanguage(request)) {
            // ?lang= of a request that failed before the page's interceptor could read it
            Locale asked = PagesLanguage.requestedOnError(request);
            return asked != null ? asked : pagesLocale;
          }
          return request.getHeader("Accept-Language") == null ? VIETNAMESE : request.getLocale();
        });
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change).addPathPatterns("/app", "/app/**", "/login");
  }
}
