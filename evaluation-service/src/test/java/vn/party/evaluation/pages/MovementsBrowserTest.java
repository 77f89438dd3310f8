package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A transfer on the movements page (issue 13): a ward of its own (mb-ward, branches mb-cb1 and mb-cb2) with its
 * campaign of 2038 running; the administrator picks the member by name and the branch joined by name, is refused
 * without the grounds (next to the form, the choices kept), then records it: the list says the evaluation moved to
 * the new branch, and the member's evaluation history says so too. The demo's grassroots committee is offered only
 * its own members.
 */
class MovementsBrowserTest extends BrowserTestSupport {

  private static final int YEAR = 2038;

  @Test
  void aTransferOnTheMovementsPageMovesTheRunningEvaluation() {
    Map<String, String> ids = ward();
    String member = ids.get("MB000001");

    signIn("admin", "admin");
    clickAndLoad(browser.findElement(By.id("nav-movements")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Biến động đảng viên");
    new Select(browser.findElement(By.id("memberId"))).selectByValue(member);
    assertThat(
            new Select(browser.findElement(By.id("memberId"))).getFirstSelectedOption().getText())
        .isEqualTo("Lê Văn Chuyển");
    assertThat(
            browser
                .findElement(By.cssSelector("#memberId option[value='" + member + "']"))
                .findElement(By.xpath(".."))
                .getAttribute("label"))
        .isEqualTo("Chi bộ Trang 1 — Đảng bộ phường Trang Biến");
    new Select(browser.findElement(By.id("kind"))).selectByVisibleText("Chuyển sinh hoạt đảng");
    new Select(browser.findElement(By.id("toBranch"))).selectByVisibleText("Chi bộ Trang 2");
    clickAndLoad(browser.findElement(By.id("record-movement")));
    assertThat(browser.findElement(By.cssSelector("#form-errors li[data-field=reason]")).getText())
        .isEqualTo("Trường Căn cứ (số quyết định, giấy giới thiệu) là bắt buộc.");
    assertThat(
            new Select(browser.findElement(By.id("memberId")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo(member);
    assertThat(
            new Select(browser.findElement(By.id("toBranch"))).getFirstSelectedOption().getText())
        .isEqualTo("Chi bộ Trang 2");
    assertThat(branchOf(member)).isEqualTo("mb-cb1");
    screenshot("movements-01-refused");

    browser.findElement(By.id("reason")).sendKeys("Quyết định chuyển sinh hoạt số 15-QĐ/ĐU");
    clickAndLoad(browser.findElement(By.id("record-movement")));
    assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Đã ghi biến động.");
    WebElement row = browser.findElement(By.cssSelector("#movements tbody tr"));
    assertThat(row.getAttribute("data-kind")).isEqualTo("TRANSFER");
    assertThat(row.getAttribute("data-effect")).isEqualTo("MOVED");
    assertThat(row.getText())
        .contains(
            "Lê Văn Chuyển",
            "Chuyển sinh hoạt đảng",
            "Chi bộ Trang 1",
            "Chi bộ Trang 2",
            "Quyết định chuyển sinh hoạt số 15-QĐ/ĐU",
            "Chuyển hồ sơ đánh giá sang chi bộ mới");
    screenshot("movements-02-recorded");
    assertThat(branchOf(member)).isEqualTo("mb-cb2");
    assertThat(
            jdbc.sql(
                    "select branch_id from evaluation.member_evaluation where year = :y and member_id = :m")
                .param("y", YEAR)
                .param("m", member)
                .query(String.class)
                .single())
        .isEqualTo("mb-cb2");

    // the member's evaluation history tells the move, in words
    open("/app/evaluations/" + YEAR + "/" + member);
    String timeline = browser.findElement(By.id("timeline")).getText();
    assertThat(timeline)
        .contains(
            "Chuyển hồ sơ đánh giá sang chi bộ mới",
            "Chi bộ Trang 1",
            "Chi bộ Trang 2",
            "Chuyển sinh hoạt đảng",
            "Đánh giá nơi sinh hoạt lâu hơn trong năm: nơi mới");
    signOut();

    // the demo's grassroots committee records movements of its own members only
    signIn("committee", "demo");
    clickAndLoad(browser.findElement(By.id("nav-movements")));
    List<String> offered =
        new Select(browser.findElement(By.id("memberId")))
            .getOptions().stream().map(o -> o.getAttribute("value")).toList();
    assertThat(offered).contains("member1").doesNotContain(ids.get("MB000002"));
    signOut();
  }

  /** The ward, its roster through the import, and its campaign of 2038 launched. */
  private Map<String, String> ward() {
    unit("ORGANIZATION", "thanh-khe", "Đảng bộ phường Trang Biến", "mb-ward");
    unit("BRANCH", "mb-ward", "Chi bộ Trang 1", "mb-cb1");
    unit("BRANCH", "mb-ward", "Chi bộ Trang 2", "mb-cb2");
    String file =
        "Họ và tên,Số thẻ đảng viên,Ngày vào Đảng (dd/MM/yyyy),Ngày chính thức (dd/MM/yyyy),"
            + "Chi bộ (mã hoặc tên)\r\n"
            + "Lê Văn Chuyển,MB000001,19/05/2009,19/05/2010,mb-cb1\r\n"
            + "Trần Thị Ở Lại,MB000002,19/05/2009,19/05/2010,mb-cb1\r\n";
    JsonNode preview =
        json(
            as("admin")
                .post()
                .uri("/api/v1/organizations/mb-ward/roster-imports?fileName=mb.csv")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(file.getBytes(StandardCharsets.UTF_8))
                .retrieve()
                .body(String.class));
    JsonNode result =
        json(
            as("admin")
                .post()
                .uri("/api/v1/roster-imports/{id}/commit", preview.get("id").asText())
                .retrieve()
                .body(String.class));
    Map<String, String> ids = new HashMap<>();
    result
        .get("accounts")
        .forEach(a -> ids.put(a.get("cardNumber").asText(), a.get("memberId").asText()));
    assertThat(ids).hasSize(2);
    OffsetDateTime now = OffsetDateTime.now();
    ResponseEntity<String> campaign =
        as("admin")
            .post()
            .uri("/api/v1/campaigns")
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                Map.of(
                    "organizationId",
                    "mb-ward",
                    "year",
                    YEAR,
                    "regulation",
                    "QD-366-2025",
                    "selfReviewDue",
                    now.plusDays(10).toString(),
                    "residenceFeedbackDue",
                    now.plusDays(30).toString(),
                    "branchReviewDue",
                    now.plusDays(40).toString(),
                    "decisionDue",
                    now.plusDays(50).toString()))
            .retrieve()
            .toEntity(String.class);
    assertThat(campaign.getStatusCode().value()).as(campaign.getBody()).isEqualTo(201);
    String id = json(campaign.getBody()).get("id").asText();
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () ->
                assertThat(
                        json(as("admin")
                                .get()
                                .uri("/api/v1/campaigns/" + id)
                                .retrieve()
                                .body(String.class))
                            .at("/progress/membersStarted")
                            .asInt())
                    .isEqualTo(2));
    return ids;
  }

  private void unit(String kind, String parent, String name, String code) {
    ResponseEntity<String> created =
        as("admin")
            .post()
            .uri("/api/v1/units")
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                Map.of(
                    "kind",
                    kind,
                    "parentId",
                    parent,
                    "name",
                    name,
                    "code",
                    code,
                    "openedOn",
                    "2020-01-01"))
            .retrieve()
            .toEntity(String.class);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
  }

  private String branchOf(String member) {
    return jdbc.sql("select branch_id from evaluation.party_member where id = :m")
        .param("m", member)
        .query(String.class)
        .single();
  }
}
