package vn.party.notification.security;

import java.time.Clock;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import vn.party.notification.config.NotificationProperties;

/**
 * Authenticates HTTP Basic credentials against evaluation-service, so this service has exactly
 * the same users and passwords without a user store of its own. By default every call is checked there (no cache,
 * {@code notification.identity-cache-ttl: 0s}): a changed password or a removed account is refused at once.
 */
@Component
class DelegatingAuthenticationProvider implements AuthenticationProvider {

  private final IdentityClient identity;
  private final VerifiedCredentialsCache cache;

  DelegatingAuthenticationProvider(IdentityClient identity, NotificationProperties properties) {
    this.identity = identity;
    this.cache =
        new VerifiedCredentialsCache(
            properties.identityCacheTtl(), properties.identityCacheMaxEntries(), Clock.systemUTC());
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (username == null
        || username.isBlank()
        || !(credentials instanceof String password)
        || password.isEmpty()) {
      throw new BadCredentialsException("Bad credentials");
    }
    SignedInUser user = cache.get(username, password);
    if (user == null) {
      String address =
          authentication.getDetails() instanceof WebAuthenticationDetails details
              ? details.getRemoteAddress()
              : null;
      user = identity.verify(username, password, address);
      cache.put(username, password, user);
    }
    List<SimpleGrantedAuthority> authorities =
        user.groups().stream().map(group -> new SimpleGrantedAuthority("GROUP_" + group)).toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
