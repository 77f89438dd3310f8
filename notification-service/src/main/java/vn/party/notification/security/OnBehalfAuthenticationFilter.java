package vn.party.notification.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <on-behalf token>} from evaluation-service's pages (see {@link OnBehalfTokens}).
 * A valid token signs the request in as its user (no groups: the notification API needs only the user id); an
 * invalid one is answered 401 at once. Other requests go on to HTTP Basic.
 */
class OnBehalfAuthenticationFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final OnBehalfTokens tokens;
  private final ProblemAuthenticationEntryPoint problems;

  OnBehalfAuthenticationFilter(OnBehalfTokens tokens, ProblemAuthenticationEntryPoint problems) {
    this.tokens = tokens;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> user = tokens.verify(header.substring(BEARER.length()).strip());
    if (user.isEmpty()) {
      SecurityContextHolder.clearContext();
      problems.commence(request, response, new BadCredentialsException("Bad on-behalf token"));
      return;
    }
    SignedInUser signedIn = new SignedInUser(user.get(), null, null, Set.of());
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(signedIn, null, List.of()));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
