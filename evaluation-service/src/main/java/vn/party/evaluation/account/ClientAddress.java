package vn.party.evaluation.account;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address a sign-in comes from, for the throttle. Known to the engine's password check through the thread that
 * serves the request ({@link SignInThrottleFilter} sets it).
 *
 * <p><strong>Trusted proxies</strong> ({@code evaluation.sign-in-throttle.trusted-proxies}: addresses or CIDR ranges,
 * comma-separated; default none): only a request whose socket address is a trusted proxy (a reverse proxy in front
 * of the service, or notification-service checking its callers' passwords here) may name another client with {@code
 * X-Forwarded-For}. The header is read from the right, each hop a trusted proxy added, and the first address that is
 * not a trusted proxy is the client: what a client wrote at the left of the header itself is never reached. From an
 * untrusted socket the header is ignored, so nobody dodges the address count, or makes another address wait, by
 * inventing addresses. Tomcat's own reading of the header is off ({@code server.forward-headers-strategy: none}), so
 * the socket address is the one the connection came from.
 */
public final class ClientAddress {

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  /** An IPv4 or IPv6 literal: never a name, so reading it never asks DNS. */
  private static final Pattern LITERAL =
      Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");

  private ClientAddress() {}

  public static String current() {
    return CURRENT.get();
  }

  static void set(String address) {
    CURRENT.set(address);
  }

  static void clear() {
    CURRENT.remove();
  }

  static String of(HttpServletRequest request, TrustedProxies trusted) {
    String client = request.getRemoteAddr();
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null || !trusted.contains(client)) {
      return client;
    }
    List<String> hops = Arrays.stream(forwarded.split(",")).map(String::trim).toList();
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (hop.isEmpty() || !LITERAL.matcher(hop).matches()) {
        return client; // an unreadable hop: the last trusted address is the best known
      }
      client = hop;
      if (!trusted.contains(hop)) {
        return hop;
      }
    }
    return client;
  }

  /** The configured trusted proxies: addresses or CIDR ranges, IPv4 or IPv6. */
  static final class TrustedProxies {

    private record Range(byte[] network, int prefix) {}

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
      this.ranges = ranges;
    }

    static TrustedProxies none() {
      return new TrustedProxies(List.of());
    }

    /**
     * From the setting's text; an entry that is not an address or a range fails the start (a typo must not quietly
     * trust nobody, or everybody).
     */
    static TrustedProxies parse(String setting) {
      return of(Arrays.asList(setting == null ? new String[0] : setting.split(",")));
    }

    static TrustedProxies of(Collection<String> entries) {
      return new TrustedProxies(
          entries.stream()
              .map(String::trim)
              .filter(entry -> !entry.isEmpty())
              .map(TrustedProxies::range)
              .toList());
    }

    boolean isEmpty() {
      return ranges.isEmpty();
    }

    boolean contains(String address) {
      if (ranges.isEmpty() || address == null || !LITERAL.matcher(address).matches()) {
        return false;
      }
      byte[] bytes = bytes(address);
      return bytes != null && ranges.stream().anyMatch(range -> matches(range, bytes));
    }

    private static Range range(String entry) {
      int slash = entry.indexOf('/');
      String address = slash < 0 ? entry : entry.substring(0, slash);
      byte[] network = LITERAL.matcher(address).matches() ? bytes(address) : null;
      if (network == null) {
        throw new IllegalArgumentException(
            "evaluation.sign-in-throttle.trusted-proxies: not an address: " + entry);
      }
      int prefix;
      try {
        prefix = slash < 0 ? network.length * 8 : Integer.parseInt(entry.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "evaluation.sign-in-throttle.trusted-proxies: not a range: " + entry, e);
      }
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException(
            "evaluation.sign-in-throttle.trusted-proxies: not a range: " + entry);
      }
      return new Range(network, prefix);
    }

    private static boolean matches(Range range, byte[] address) {
      if (address.length != range.network().length) {
        return false;
      }
      int bits = address.length * 8;
      BigInteger mask =
          BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(range.prefix()).not();
      BigInteger a = new BigInteger(1, address).and(mask);
      BigInteger n = new BigInteger(1, range.network()).and(mask);
      return a.equals(n);
    }

    /** A literal address's bytes (never a name lookup: only literals pass {@link #LITERAL}). */
    private static byte[] bytes(String literal) {
      try {
        return InetAddress.getByName(literal).getAddress();
      } catch (UnknownHostException | SecurityException e) {
        return null;
      }
    }
  }
}
