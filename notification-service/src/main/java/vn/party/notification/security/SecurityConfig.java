package vn.party.notification.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  /**
   * HTTP Basic on every call, no session: there is no cookie, so CSRF protection has nothing to
   * protect. Health and the OpenAPI document are open.
   */
  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, DelegatingAuthenticationProvider provider,
      ProblemAuthenticationEntryPoint problems) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
            .requestMatchers("/error").permitAll()
            .anyRequest().authenticated())
        // Only this manager, without the global one as parent: a refused password is asked once, not twice.
        .authenticationManager(new ProviderManager(provider))
        .httpBasic(basic -> basic.realmName(ProblemAuthenticationEntryPoint.REALM).authenticationEntryPoint(problems))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .build();
  }
}
