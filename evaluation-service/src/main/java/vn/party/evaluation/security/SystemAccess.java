package vn.party.evaluation.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs an engine look-up as the system rather than as the user of this request: for facts the system needs
 * whoever asks (who to notify, whether a task exists at all), never to hand data to the user.
 */
@Component
public class SystemAccess {

  private final IdentityService identityService;

  public SystemAccess(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T call(Supplier<T> lookup) {
    Authentication current = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return lookup.get();
    } finally {
      if (current != null) {
        identityService.setAuthentication(current);
      }
    }
  }
}
