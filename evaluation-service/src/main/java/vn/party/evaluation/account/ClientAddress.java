package vn.party.evaluation.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * The address a sign-in comes from, for the throttle. Known to the engine's password check through the thread that
 * serves the request ({@link SignInThrottleFilter} sets it). Only a configured proxy (a reverse proxy, or
 * notification-service checking its callers' passwords here) may name another client with {@code X-Forwarded-For};
 * from anyone else the header is ignored, so nobody dodges the address count by inventing addresses.
 */
public final class ClientAddress {

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private ClientAddress() {
  }

  public static String current() {
    return CURRENT.get();
  }

  static void set(String address) {
    CURRENT.set(address);
  }

  static void clear() {
    CURRENT.remove();
  }

  static String of(HttpServletRequest request, Set<String> trustedProxies) {
    String remote = request.getRemoteAddr();
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded != null && trustedProxies.contains(remote)) {
      String[] hops = forwarded.split(",");
      String last = hops[hops.length - 1].trim();
      if (!last.isEmpty()) {
        return last;
      }
    }
    return remote;
  }
}
