package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.IntegrationTestSupport;

/**
 * The pages forbid inline scripts (Content-Security-Policy, outsider's finding of issue 12): a text smuggled into a
 * page cannot run. So no template may carry an inline script or an event-handler attribute — the browser would
 * refuse it and the page would silently lose its behaviour.
 */
class ContentPolicyTest extends IntegrationTestSupport {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");
  private static final Pattern INLINE_SCRIPT =
      Pattern.compile("<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern HANDLER_ATTRIBUTE =
      Pattern.compile("\\s(?:th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

  @Test
  void everyPageAndTheSignInPageForbidInlineScriptsAndFraming() throws Exception {
    PageSession member = PageSession.of(port, "member1");
    for (HttpResponse<String> page :
        List.of(
            member.get("/app"), member.get("/app/tasks"), new PageSession(port).get("/login"))) {
      String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
      assertThat(policy)
          .as(page.uri().toString())
          .contains("script-src 'self'")
          .doesNotContain("unsafe-inline' ;")
          .contains("frame-ancestors 'none'")
          .contains("object-src 'none'");
      assertThat(policy.substring(policy.indexOf("script-src")))
          .doesNotStartWith("script-src 'self' 'unsafe");
    }
  }

  @Test
  void noTemplateCarriesAnInlineScriptOrAnEventHandlerAttribute() throws IOException {
    List<String> found = new ArrayList<>();
    int templates = 0;
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      for (Path template : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        templates++;
        String html = Files.readString(template, StandardCharsets.UTF_8);
        if (INLINE_SCRIPT.matcher(html).find()) {
          found.add(TEMPLATES.relativize(template) + ": inline <script>");
        }
        if (HANDLER_ATTRIBUTE.matcher(html).find()) {
          found.add(TEMPLATES.relativize(template) + ": on…= attribute");
        }
      }
    }
    assertThat(templates).isGreaterThan(20);
    assertThat(found).isEmpty();
  }
}
