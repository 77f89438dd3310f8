package vn.party.notification.security;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import vn.party.notification.config.NotificationProperties;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  /**
   * HTTP Basic on every call (or a short-lived on-behalf token from evaluation-service's pages), no session: there is no cookie, so CSRF protection has nothing to
   * protect. Health and the OpenAPI document are open.
   */
  @Bean
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      DelegatingAuthenticationProvider provider,
      ProblemAuthenticationEntryPoint problems,
      NotificationProperties properties)
      throws Exception {
    // Built here, not a bean: as a bean Spring Boot would also register it as a servlet filter
    // outside this chain.
    OnBehalfTokens tokens =
        new OnBehalfTokens(
            properties.onBehalf().secret(), properties.onBehalf().maxLifetime(), Clock.systemUTC());
    return http.addFilterBefore(
            new OnBehalfAuthenticationFilter(tokens, problems), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers(
                        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                    .permitAll()
                    .requestMatchers("/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        // Only this manager, without the global one as parent: a refused password is asked once,
        // not twice.
        .authenticationManager(new ProviderManager(provider))
        .httpBasic(
            basic ->
                basic
                    .realmName(ProblemAuthenticationEntryPoint.REALM)
                    .authenticationEntryPoint(problems))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .build();
  }
}
