package vn.party.evaluation.abuse;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A browser signed in to a Camunda webapp (Tasklist, Cockpit, Admin): its cookie jar, the XSRF token the webapps hand
 * out, their own sign-in form; then any request to {@code /camunda/api/...} as that session, which is how the
 * webapps reach the engine REST API ({@code /camunda/api/engine/engine/default/...}).
 */
public final class WebappSession {

  private final int port;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient browser =
      HttpClient.newBuilder()
          .cookieHandler(cookies)
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private String xsrf = "";

  public WebappSession(int port) {
    this.port = port;
  }

  /** Signs in at the app's own form; the status of the sign-in (200 when allowed into that app). */
  public int signIn(String user, String app) {
    return signIn(user, Http.passwordOf(user), app);
  }

  /** The same with a password of the test's own. */
  public int signIn(String user, String password, String app) {
    send("GET", "/camunda/app/" + app + "/default/", null, null);
    HttpResponse<String> login =
        send(
            "POST",
            "/camunda/api/admin/auth/user/default/login/" + app,
            "application/x-www-form-urlencoded",
            "username="
                + user
                + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8));
    // the session (and with it the XSRF token) is new after the sign-in: fetch the token it expects
    send("GET", "/camunda/api/engine/engine/", null, null);
    return login.statusCode();
  }

  public HttpResponse<String> send(String method, String path, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json, text/html");
    // the latest token the webapp handed out, as its own pages send it back
    xsrf =
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .reduce((first, last) -> last)
            .orElse(xsrf);
    if (!xsrf.isEmpty()) {
      request.header("X-XSRF-TOKEN", xsrf);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response =
          browser.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
