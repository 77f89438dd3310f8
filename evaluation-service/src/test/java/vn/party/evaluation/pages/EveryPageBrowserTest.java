package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.party.evaluation.audit.TimelineKind;

/**
 * Every page of the people's pages, for every demo role, in both languages, in real headless Chromium: the GET
 * handlers under {@code /app} are taken from Spring's {@link RequestMappingHandlerMapping} (a new page is checked
 * without changing this test), their path variables filled with real ids of a demo year. Each page must render
 * without a {@code ??key??}, without Spring's Whitelabel page, and in Vietnamese without an enum value, a variable
 * name, an event kind, a regulation code or a unit code (for every role, the organization tree's pages included); and axe-core (MPL-2.0, {@code src/test/resources/axe}) must
 * find no WCAG 2 A/AA violation on it; laid out on a 390 px phone, it must not be wider than the phone (no sideways
 * scrolling; a page too wide is kept as {@code target/screenshots/every-page-too-wide-*.png}).
 */
class EveryPageBrowserTest extends BrowserTestSupport {

  private static final int YEAR = 2067;
  private static final int PHONE_WIDTH = 390;
  private static final List<String> ROLES =
      List.of("member1", "secretary1", "committee", "auditor", "district", "admin");
  private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

  /** A UTC ISO instant or date-time as a program writes it: 2066-12-31T17:05. */
  private static final Pattern ISO_INSTANT =
      Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

  /** A number with a decimal point (not an address or a grouped thousand, 1.000): 95.00, 20.0. */
  private static final Pattern POINT_DECIMAL =
      Pattern.compile("(?<![\\d.])\\d+\\.\\d{1,2}(?![\\d.])");

  /** A constant's name, NOT_COMPLETED, SELF_REVIEW_KEPT: never a word a person reads. */
  private static final Pattern CONSTANT =
      Pattern.compile("(?<![\\w-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\\w-])");

  /** A unit's code: the committee above's, the organization's, its branches' (thanh-khe, thanh-khe-tay-cb1). */
  private static final Pattern UNIT_CODE =
      Pattern.compile("(?<![\\w-])thanh-khe(?:-[a-z0-9]+)*(?![\\w-])");

  /** Never shown to a person in Vietnamese (as whole words). */
  private static final List<String> RAW = rawWords();

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping mappings;

  @Test
  void everyPageForEveryRoleInBothLanguages() throws IOException {
    demoYear();
    List<String> patterns = pagePatterns();
    assertThat(patterns).contains("/app/tasks", "/app/evaluations/{year}/{memberId}", "/app/audit");
    String axe = axeScript();
    // the check can fail: an image without a text alternative is a WCAG 2 A violation
    browser.get(
        "data:text/html;charset=utf-8,<html lang=vi><title>t</title><body><main><img src=x></main></body></html>");
    assertThat(axe("a bad page", axe)).anyMatch(problem -> problem.contains("image-alt"));
    List<String> problems = new ArrayList<>();
    TreeSet<String> unvisited = new TreeSet<>(patterns);
    int pages = 0;
    int complaintForms = 0;
    for (String role : ROLES) {
      signIn(role, "admin".equals(role) ? "admin" : "demo");
      Map<String, String> values = values(role);
      for (String pattern : patterns) {
        String path = fill(pattern, values);
        if (path == null) {
          continue;
        }
        unvisited.remove(pattern);
        for (String lang : List.of("vi", "en")) {
          open(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
          pages++;
          String where = role + " " + lang + " " + path;
          String source = browser.getPageSource();
          String text = browser.findElement(By.tagName("body")).getText();
          Matcher key = Pattern.compile("\\?\\?[^?\\s]+\\?\\?").matcher(source);
          if (key.find()) {
            problems.add(where + ": message key " + key.group());
          }
          if (source.contains("Whitelabel Error Page")) {
            problems.add(where + ": Whitelabel page");
          }
          // in either language: no UTC ISO instant (times are local, in words and figures), no
          // enum-like CONSTANT_NAME, no enum value of the list in capitals (issue 14)
          Matcher instant = ISO_INSTANT.matcher(text);
          if (instant.find()) {
            problems.add(where + ": shows the instant " + instant.group());
          }
          Matcher constant = CONSTANT.matcher(text);
          if (constant.find()) {
            problems.add(where + ": shows \"" + constant.group() + "\"");
          }
          if ("en".equals(lang)) {
            for (String raw : RAW) {
              if (raw.equals(raw.toUpperCase(java.util.Locale.ROOT))
                  && Pattern.compile("(?<![\\w-])" + Pattern.quote(raw) + "(?![\\w-])")
                      .matcher(text)
                      .find()) {
                problems.add(where + ": shows \"" + raw + "\"");
              }
            }
          }
          if (source.contains("id=\"grounds\"")) {
            complaintForms++;
          }
          // axe-core in both languages (issue 14): the English pages are read by the same people
          problems.addAll(axe(where, axe));
          if ("vi".equals(lang)) {
            for (String raw : RAW) {
              if (Pattern.compile("(?<![\\w-])" + Pattern.quote(raw) + "(?![\\w-])")
                  .matcher(text)
                  .find()) {
                problems.add(where + ": shows \"" + raw + "\"");
              }
            }
            // a decimal as a program writes it (95.00, 20.0): Vietnamese writes 95,0
            Matcher decimal = POINT_DECIMAL.matcher(text);
            if (decimal.find()) {
              problems.add(where + ": shows the number " + decimal.group());
            }
            // units by their names, never their codes (issue 14: the organization tree's pages
            // showed them too), for every role; codes stay in links and form values
            Matcher unitCode = UNIT_CODE.matcher(text);
            if (unitCode.find()) {
              problems.add(where + ": shows the unit code " + unitCode.group());
            }
            // on a phone (390 px): nothing wider than the screen, the page never scrolls sideways
            // (issue 14)
            long width =
                phoneWidth("every-page-too-wide-" + role + path.replaceAll("[^\\w-]+", "_"));
            if (width > PHONE_WIDTH) {
              problems.add(where + ": " + width + " px wide on a " + PHONE_WIDTH + " px phone");
            }
          }
        }
      }
      // back to Vietnamese for the next role's sign-in
      open("/app?lang=vi");
      signOut();
    }
    assertThat(pages).isGreaterThan(100);
    assertThat(complaintForms)
        .as("member1's record in the complaint window, both languages")
        .isEqualTo(2);
    // every page the application serves was opened by some role: none skipped for want of an id
    assertThat(unvisited).as("pages no role opened").isEmpty();
    assertThat(problems).as("problems on %d pages", pages).isEmpty();
  }

  /**
   * The administrators' sign-in record (issue 14): the kind in words, the person's name beside the account, the
   * instants in local time (Asia/Ho_Chi_Minh), in both languages.
   */
  @Test
  void theSignInRecordShowsKindsInWordsNamesAndLocalTimes() {
    demoYear();
    signIn("admin", "admin");
    open("/app/admin/sign-ins?lang=vi");
    var account = browser.findElement(By.cssSelector("#sign-ins tr[data-subject=member14]"));
    assertThat(account.findElement(By.className("sign-in-kind")).getText()).isEqualTo("Tài khoản");
    assertThat(account.findElement(By.className("sign-in-subject")).getText())
        .startsWith(personName("member14"))
        .endsWith("(member14)");
    // 2066-12-31 17:05 UTC is 1 January 2067, 00:05 in Hanoi
    assertThat(account.findElement(By.className("sign-in-until")).getText())
        .isEqualTo("01/01/2067 00:05");
    var address = browser.findElement(By.cssSelector("#sign-ins tr[data-subject='203.0.113.7']"));
    assertThat(address.findElement(By.className("sign-in-kind")).getText())
        .isEqualTo("Địa chỉ máy (IP)");
    assertThat(address.findElement(By.className("sign-in-subject")).getText())
        .isEqualTo("203.0.113.7");
    screenshot("14-sign-ins-1366");
    DecideWithFactsBrowserTest.phone();
    screenshot("14-sign-ins-phone");
    DecideWithFactsBrowserTest.desktop();
    open("/app/admin/sign-ins?lang=en");
    assertThat(
            browser
                .findElement(By.cssSelector("#sign-ins tr[data-subject=member14] .sign-in-kind"))
                .getText())
        .isEqualTo("Account");
    assertThat(browser.findElement(By.id("sign-ins")).getText())
        .doesNotContain("ACCOUNT", "ADDRESS", "2066-12-31T");
    open("/app?lang=vi");
    signOut();
  }

  private String personName(String userId) {
    return jdbc.sql("select trim(concat_ws(' ', first_, last_)) from act_id_user where id_ = :id")
        .param("id", userId)
        .query(String.class)
        .single();
  }

  /**
   * The page's width as a 390 px phone lays it out ({@code document.documentElement.scrollWidth}, the width a person
   * scrolls across), then the desktop again; a page too wide is kept as a screenshot named {@code shot}.
   */
  private long phoneWidth(String shot) {
    ChromeDriver chrome = (ChromeDriver) browser;
    chrome.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", PHONE_WIDTH, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    try {
      long width =
          ((Number)
                  ((JavascriptExecutor) browser)
                      .executeScript("return document.documentElement.scrollWidth"))
              .longValue();
      if (width > PHONE_WIDTH) {
        screenshot(shot);
      }
      return width;
    } finally {
      chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  /** A year of the demo organization with something at every step: decided, at the committee, at the branch. */
  private void demoYear() {
    if (jdbc.sql("select count(*) from evaluation.campaign where year = :y")
            .param("y", YEAR)
            .query(Integer.class)
            .single()
        > 0) {
      return;
    }
    launchedCampaign(YEAR);
    // the administrators' sign-in record: an account and an address made to wait (as
    // SignInThrottleNotices records them; real failed sign-ins would make this machine's address
    // wait for the other tests too)
    jdbc.sql(
            "insert into evaluation.sign_in_throttle_event (kind, subject, failures, blocked_until,"
                + " occurred_at) values ('ACCOUNT', 'member14', 6, '2066-12-31T17:05:00Z',"
                + " '2066-12-31T17:04:00Z'), ('ADDRESS', '203.0.113.7', 21,"
                + " '2066-12-31T17:06:00Z', '2066-12-31T17:05:30Z')")
        .update();
    // a roster import previewed, not committed: its page has something to show
    rosterImportPreview();
    decideMember(YEAR, 1, "GOOD");
    completeOk(
        "member2",
        taskOf("member2", "self-review", "member2", YEAR),
        selfCriticism("GOOD", "strengths", "Gương mẫu trong công tác và sinh hoạt."));
    sendResidenceFeedback("member2", YEAR, "Tốt");
    completeOk(
        "member3",
        taskOf("member3", "self-review", "member3", YEAR),
        selfCriticism("GOOD", "strengths", "Tích cực tham gia công tác đoàn thể."));
    sendResidenceFeedback("member3", YEAR, "Tốt");
    completeOk(
        "secretary1",
        taskOf("secretary1", "branch-review", "member3", YEAR),
        branchProposes("GOOD"));
    await().atMost(Duration.ofSeconds(30)).until(() -> !taskIds("committee").isEmpty());
    // the complaint window open (as the announcement opens it), so member1's record shows the
    // complaint form: axe never saw it and its box had no label (outsider of session 13, HIGH 2)
    jdbc.sql(
            "insert into evaluation.announcement (campaign_id, organization_id, year, window_end)"
                + " select id, organization_id, year, now() + interval '30 days'"
                + " from evaluation.campaign where year = :y")
        .param("y", YEAR)
        .update();
  }

  /** A roster file with one row whose branch is unknown, previewed by the administrator. */
  private void rosterImportPreview() {
    List<String> heading =
        Arrays.stream(vn.party.evaluation.rosterimport.ImportColumn.values())
            .map(vn.party.evaluation.rosterimport.ImportColumn::heading)
            .toList();
    List<String> row =
        List.of(
            "Nguyễn Văn Thử",
            "15/03/1985",
            "Nam",
            "TT-2067-01",
            "19/05/2010",
            "19/05/2011",
            "Chi bộ chưa có",
            "Đảng viên",
            "Chuyên viên",
            "Có",
            "Không",
            "Không",
            "thu2067@example.vn",
            "0905 123 456");
    List<String> cells = new ArrayList<>(row);
    while (cells.size() < heading.size()) {
      cells.add("");
    }
    String csv = "\uFEFF" + csvLine(heading) + csvLine(cells.subList(0, heading.size()));
    as("admin")
        .post()
        .uri("/api/v1/organizations/{o}/roster-imports?fileName={n}", ORG, "danh-sach-thu.csv")
        .contentType(org.springframework.http.MediaType.APPLICATION_OCTET_STREAM)
        .body(csv.getBytes(StandardCharsets.UTF_8))
        .retrieve()
        .toBodilessEntity();
  }

  private static String csvLine(List<String> cells) {
    return String.join(",", cells.stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"").toList())
        + "\r\n";
  }

  /** The GET pages under /app, downloads left out (PDF, XLSX, DOCX are checked by their own tests). */
  private List<String> pagePatterns() {
    TreeSet<String> patterns = new TreeSet<>();
    for (var handler : mappings.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = handler.getKey();
      var methods = info.getMethodsCondition().getMethods();
      if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
        continue;
      }
      // an answer in JSON for a page's script (e.g. an import's progress) is not a page
      if (handler
              .getValue()
              .hasMethodAnnotation(org.springframework.web.bind.annotation.ResponseBody.class)
          || org.springframework.core.annotation.AnnotatedElementUtils.hasAnnotation(
              handler.getValue().getBeanType(),
              org.springframework.web.bind.annotation.ResponseBody.class)) {
        continue;
      }
      for (String pattern : info.getPatternValues()) {
        if ((pattern.equals("/app") || pattern.startsWith("/app/"))
            && !pattern.matches(".*\\.(pdf|xlsx|docx)$")
            && !pattern.contains("{format")) {
          patterns.add(pattern);
        }
      }
    }
    return new ArrayList<>(patterns);
  }

  private Map<String, String> values(String role) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("year", String.valueOf(YEAR));
    values.put("memberId", "member1");
    values.put("branchId", ORG + "-cb1");
    values.put("branch", ORG + "-cb1");
    values.put("organizationId", ORG);
    values.put("organization", ORG);
    values.put("collectiveId", ORG + "-cb1");
    List<String> tasks = taskIds(role);
    if (!tasks.isEmpty()) {
      values.put("taskId", tasks.get(0));
    }
    values.put("unitId", ORG + "-cb1");
    jdbc.sql(
            "select id::text from evaluation.roster_import where organization_id = :o"
                + " order by uploaded_at desc limit 1")
        .param("o", ORG)
        .query(String.class)
        .optional()
        .ifPresent(id -> values.put("importId", id));
    return values;
  }

  private static String fill(String pattern, Map<String, String> values) {
    // {id} names a task, a unit or a roster import, by the page
    String named =
        pattern.startsWith("/app/units/")
            ? pattern.replace("{id}", "{unitId}")
            : pattern.startsWith("/app/roster-import/")
                ? pattern.replace("{id}", "{importId}")
                : pattern.replace("{id}", "{taskId}");
    Matcher variable = VARIABLE.matcher(named);
    StringBuilder path = new StringBuilder();
    while (variable.find()) {
      String value = values.get(variable.group(1));
      if (value == null) {
        return null;
      }
      variable.appendReplacement(path, Matcher.quoteReplacement(value));
    }
    variable.appendTail(path);
    String filled = path.toString();
    return filled.equals("/app/audit/signals") ? filled + "?year=" + YEAR : filled;
  }

  private List<String> taskIds(String user) {
    try {
      JsonNode tasks = json(as(user).get().uri("/api/v1/tasks").retrieve().body(String.class));
      return StreamSupport.stream(tasks.spliterator(), false)
          .filter(t -> t.path("year").asInt() == YEAR)
          .map(t -> t.get("id").asText())
          .toList();
    } catch (RuntimeException refused) {
      return List.of();
    }
  }

  /** axe-core's WCAG 2 A and AA rules on the page; each violation with the elements it names. */
  @SuppressWarnings("unchecked")
  static List<String> axe(String where, String axe) {
    JavascriptExecutor script = (JavascriptExecutor) browser;
    script.executeScript(axe);
    // axe walks the whole page: on a loaded 2-core machine a long page took more than the
    // default 30 s (a script timeout in a full run beside other builds, not a finding)
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
    Object result =
        script.executeAsyncScript(
            """
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
          .then(r => done(r.passes.length === 0 ? ['axe checked nothing']
             : r.violations.map(v => v.id + ' (' + v.impact + '): '
             + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
          .catch(e => done(['axe failed: ' + e]));""");
    return ((List<Object>) result).stream().map(v -> where + ": " + v).toList();
  }

  static String axeScript() throws IOException {
    try (InputStream in = EveryPageBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
      assertThat(in).as("axe-core on the test classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> rawWords() {
    List<String> words =
        new ArrayList<>(
            List.of(
                "EXCELLENT",
                "GOOD",
                "COMPLETED",
                "NOT_COMPLETED",
                "APPROVE",
                "RETURN",
                "RECEIVED",
                "PENDING",
                "MISSING",
                "campaignId",
                "votesGOOD",
                "votesEXCELLENT",
                "votesGood",
                "votesExcellent",
                "votesCompleted",
                "votesNotCompleted",
                "eligibleVoters",
                "true",
                "false",
                "QD-366-2025",
                "QD-124-2023",
                "QD-132-2018",
                "ACCOUNT",
                "ADDRESS",
                "PREVIEWED",
                "COMMITTED",
                "AVERAGE",
                "WEAK",
                "null"));
    Arrays.stream(TimelineKind.values())
        .map(Enum::name)
        .filter(n -> n.contains("_"))
        .forEach(words::add);
    return words;
  }
}
