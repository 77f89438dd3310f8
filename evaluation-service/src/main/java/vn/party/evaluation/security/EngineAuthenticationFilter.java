package vn.party.evaluation.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the signed-in user of a domain API request to the engine, so that the engine's own authorization checks
 * apply (a member cannot complete another member's task) and every change is attributed to that user.
 */
public class EngineAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  /** Whether the chain signs its caller in with each request (stateless): its sign-in is this request's. */
  private final boolean signsInEachRequest;

  public EngineAuthenticationFilter(IdentityService identityService) {
    this(identityService, false);
  }

  /**
   * {@code signsInEachRequest}: the chain authenticates every request itself (stateless HTTP Basic), so what its
   * sign-in read is this request's and is handed on ({@link RequestSignIn}); never for a session's chain.
   */
  public EngineAuthenticationFilter(IdentityService identityService, boolean signsInEachRequest) {
    this.identityService = identityService;
    this.signsInEachRequest = signsInEachRequest;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
      identityService.setAuthentication(user.userId(), user.groups());
      if (signsInEachRequest && authentication.getDetails() instanceof RequestSignIn signIn) {
        signIn.handTo(request);
      }
    }
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
