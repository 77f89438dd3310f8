package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like session on the people's pages: cookies kept, redirects not followed, CSRF token read from pages. */
public final class PageSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private final HttpClient client =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final int port;

  public PageSession(int port) {
    this.port = port;
  }

  /** Signed in as a demo user (password "demo"). */
  public static PageSession of(int port, String user) throws Exception {
    return of(port, user, "demo");
  }

  public static PageSession of(int port, String user, String password) throws Exception {
    PageSession session = new PageSession(port);
    HttpResponse<String> response = session.login(user, password);
    assertThat(response.headers().firstValue("Location").orElse(""))
        .as("login of " + user)
        .endsWith("/app");
    return session;
  }

  public HttpResponse<String> login(String user, String password) throws Exception {
    String token = csrf(get("/login").body());
    return post(
        "/login", "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token));
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
    return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<String> post(String path, String form)
      throws IOException, InterruptedException {
    return client.send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public String csrf(String html) {
    Matcher matcher = CSRF.matcher(html);
    assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
    return matcher.group(1);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
