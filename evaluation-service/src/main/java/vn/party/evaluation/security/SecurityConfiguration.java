package vn.party.evaluation.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import vn.party.evaluation.process.Groups;

/**
 * Four doors, the same users:
 * <ul>
 *   <li>{@code /app/**}: the people's pages, session login with CSRF protection;</li>
 *   <li>{@code /api/**}: HTTP Basic (API clients), stateless, checked against the engine's identity store;</li>
 *   <li>{@code /engine-rest/**}: the engine's own HTTP Basic filter, so the engine authorizations apply;</li>
 *   <li>{@code /camunda/**}: the webapps, which keep their own session login and CSRF protection.</li>
 * </ul>
 */
@Configuration
public class SecurityConfiguration {

  private static final int ENGINE_AUTHENTICATION_ORDER = 100;

  /**
   * What the people's pages may load: their own scripts only (none inline, no eval), so that a text someone managed
   * to smuggle into a page could not run; style attributes stay allowed (layout only).
   */
  static final String PAGES_CONTENT_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /**
   * Spring Security's own observations off: with them every request was a tree of observations, one per filter of
   * the chain (about fifteen) plus the sign-in's and the authorization's, each timed into a meter no dashboard reads
   * (issue 15: about 5 % of the CPU of a member's GET + POST; the request itself stays observed as {@code
   * http.server.requests}). Who may do what is unchanged: the filters run as before, only not wrapped.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * The people's pages: a session with form login, CSRF tokens on every form (Thymeleaf adds them), a session that
   * expires ({@code server.servlet.session.timeout}), and the engine running as the signed-in user.
   */
  @Bean
  @Order(0)
  SecurityFilterChain pages(
      HttpSecurity http, IdentityService identityService, SessionRights sessionRights)
      throws Exception {
    return http.securityMatcher(anyOf("/app", "/app/**", "/login", "/logout", "/assets/**"))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(anyOf("/login", "/assets/**"))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login").defaultSuccessUrl("/app", true).failureUrl("/login?error"))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .sessionManagement(
            session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        .headers(
            headers ->
                headers
                    .frameOptions(frame -> frame.deny())
                    .contentSecurityPolicy(csp -> csp.policyDirectives(PAGES_CONTENT_POLICY)))
        // each request of a session: the account as it is now (its groups), or the session ends
        .addFilterBefore(sessionRights.pages(), AnonymousAuthenticationFilter.class)
        .addFilterAfter(
            new EngineAuthenticationFilter(identityService), AnonymousAuthenticationFilter.class)
        .build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain domainApi(
      HttpSecurity http,
      IdentityService identityService,
      ObjectMapper objectMapper,
      MessageSource messages)
      throws Exception {
    // issue 16: the 401 is a problem document too, like every other refusal of the API
    var problem401 = new ProblemAuthenticationEntryPoint(objectMapper, messages);
    return http.securityMatcher(anyOf("/api/**"))
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .httpBasic(
            basic -> basic.realmName("party-evaluation").authenticationEntryPoint(problem401))
        .exceptionHandling(e -> e.authenticationEntryPoint(problem401))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Basic credentials are sent by the client on every call, never by a browser on its own: no
        // CSRF risk.
        .csrf(csrf -> csrf.disable())
        // stateless: the caller signs in with each request, so the sign-in's must-change flag is
        // this request's (RequestSignIn)
        .addFilterAfter(
            new EngineAuthenticationFilter(identityService, true), BasicAuthenticationFilter.class)
        .build();
  }

  /**
   * The engine's own filter lets the list of engine names through without credentials; nothing of the engine REST
   * API answers anonymous requests here.
   */
  @Bean
  @Order(2)
  SecurityFilterChain engineNames(HttpSecurity http) throws Exception {
    return http.securityMatcher(anyOf("/engine-rest/engine", "/engine-rest/engine/"))
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName("party-evaluation"))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain engineAndWebapps(HttpSecurity http) throws Exception {
    // Plain path matchers: the engine REST API and the webapps are served by servlets other than
    // Spring MVC's.
    return http.securityMatcher(
            anyOf(
                "/engine-rest/**",
                "/camunda/**",
                "/",
                "/actuator/health/**",
                "/actuator/health",
                "/v3/api-docs/**",
                "/v3/api-docs",
                "/swagger-ui/**",
                "/swagger-ui.html",
                "/error",
                // issue 16: the published contracts (AsyncAPI, the events' JSON Schemas named in
                // dataschema)
                "/asyncapi/**"))
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        .build();
  }

  @Bean
  @Order(4)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            auth ->
                auth.anyRequest()
                    .hasAuthority(
                        CamundaIdentityAuthenticationProvider.GROUP_PREFIX + Groups.ADMINS))
        .httpBasic(Customizer.withDefaults())
        .exceptionHandling(
            e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .build();
  }

  private static RequestMatcher anyOf(String... patterns) {
    return new OrRequestMatcher(
        Arrays.stream(patterns)
            .map(pattern -> (RequestMatcher) AntPathRequestMatcher.antMatcher(pattern))
            .toList());
  }

  /** After the engine's authentication: completions carry only the form's fields (see the filter). */
  @Bean
  FilterRegistrationBean<EngineTaskCompletionFilter> engineTaskCompletionFilter(
      TaskService taskService, SystemAccess systemAccess, ObjectMapper objectMapper) {
    var registration =
        new FilterRegistrationBean<>(
            new EngineTaskCompletionFilter(taskService, systemAccess, objectMapper));
    registration.setName("engine-task-completion");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(ENGINE_AUTHENTICATION_ORDER + 10);
    return registration;
  }

  /** The engine REST API answers 401 without valid credentials and runs each request as its user. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(
        "authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.setOrder(ENGINE_AUTHENTICATION_ORDER);
    return registration;
  }
}
