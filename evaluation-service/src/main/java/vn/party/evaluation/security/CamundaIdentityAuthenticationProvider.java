package vn.party.evaluation.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import vn.party.evaluation.security.engine.PersonSignIn;

/**
 * Checks HTTP Basic credentials against the engine's identity store, so the domain API, the engine REST API and
 * the webapps know the same users (passwords are kept salted and hashed by the engine). The password, the groups and
 * the must-change flag are read in one engine command for each sign-in ({@link PersonSignIn}); the flag is kept for
 * the domain API's request only ({@link RequestSignIn}).
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  public static final String GROUP_PREFIX = "GROUP_";

  private final PersonSignIn signIn;

  public CamundaIdentityAuthenticationProvider(PersonSignIn signIn) {
    this.signIn = signIn;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    PersonSignIn.SignedIn signedIn =
        signIn
            .check(userId, credentials == null ? null : credentials.toString())
            .orElseThrow(() -> new BadCredentialsException("bad credentials"));
    var token =
        new UsernamePasswordAuthenticationToken(
            new CurrentUser(userId, signedIn.groups()),
            null,
            signedIn.groups().stream()
                .map(g -> new SimpleGrantedAuthority(GROUP_PREFIX + g))
                .toList());
    // for the domain API's request, which signs in with each request (EngineAuthenticationFilter)
    // and, for a page session, the digest of the password hash it signed in with (SessionRights)
    token.setDetails(
        new RequestSignIn(userId, signedIn.mustChangePassword(), signedIn.passwordDigest()));
    return token;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
