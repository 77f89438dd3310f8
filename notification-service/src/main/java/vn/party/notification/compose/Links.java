package vn.party.notification.compose;

import java.net.URI;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.party.notification.config.NotificationProperties;

/**
 * Which links a notice may carry (issue 12): only those under evaluation-service's configured public URL
 * ({@code notification.evaluation-public-url}) — same scheme, host and port, a path under its path, no user info.
 * Anything else an event carries (an outside site, a look-alike host, {@code javascript:}) is dropped, so a forged
 * event cannot put a phishing link into an official e-mail or onto the notification page.
 */
@Component
public class Links {

  private final URI base;

  @Autowired
  public Links(NotificationProperties properties) {
    this(properties.evaluationPublicUrl());
  }

  Links(URI base) {
    this.base = base;
  }

  /** A page of evaluation-service under its public URL, e.g. {@code app/admin/sign-ins}. */
  public String page(String relativePath) {
    String root = base.toString().endsWith("/") ? base.toString() : base + "/";
    return root + relativePath;
  }

  /** The link as it may be shown, or null when it is not under the public URL. */
  public String allowed(String url) {
    String link = NotificationComposer.safeLink(url);
    if (link == null) {
      return null;
    }
    URI uri;
    try {
      uri = URI.create(link).normalize();
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (uri.getRawUserInfo() != null
        || !base.getScheme().equalsIgnoreCase(uri.getScheme())
        || !base.getHost().equalsIgnoreCase(uri.getHost())
        || port(base) != port(uri)) {
      return null;
    }
    String basePath =
        base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (path.contains("/../") || path.endsWith("/..")) {
      return null;
    }
    String prefix = basePath.endsWith("/") ? basePath : basePath + "/";
    return path.equals(basePath) || path.startsWith(prefix) ? link : null;
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
