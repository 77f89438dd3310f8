package vn.party.evaluation.portal;

import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language: Vietnamese first. A person switches with {@code ?lang=en} / {@code ?lang=vi} on any page, remembered in
 * a cookie; without the cookie an API client's Accept-Language is honoured, and without that, Vietnamese.
 */
@Configuration
public class PortalConfiguration implements WebMvcConfigurer {

  public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("lang");
    resolver.setDefaultLocaleFunction(request -> request.getHeader("Accept-Language") == null
        ? VIETNAMESE : request.getLocale());
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
