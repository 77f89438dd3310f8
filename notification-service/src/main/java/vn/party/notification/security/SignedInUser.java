package vn.party.notification.security;

import java.security.Principal;
import java.util.Set;

/** The user evaluation-service vouched for (from {@code GET /api/v1/me}). */
public record SignedInUser(String userId, String displayName, String email, Set<String> groups)
    implements Principal {

  @Override
  public String getName() {
    return userId;
  }
}
