package vn.party.evaluation.movement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import vn.party.evaluation.CampaignOpening;
import vn.party.evaluation.UnitFixture;

/**
 * The set-up the movement tests share (MovementsApiTest, MovementIntoOpenCampaignTest, pages.MovementsBrowserTest):
 * units of their own, a roster loaded through the import, a campaign opened and launched, a movement recorded, and
 * where a member stands. Each test keeps its own year and unit codes.
 */
public final class MovementFixture {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The roster file's heading; a line is {@link #rosterLine}. */
  public static final String ROSTER_HEADING =
      "Họ và tên,Số thẻ đảng viên,Ngày vào Đảng (dd/MM/yyyy),Ngày chính thức (dd/MM/yyyy),"
          + "Chi bộ (mã hoặc tên)\r\n";

  private final Function<String, RestClient> as;
  private final JdbcClient jdbc;

  /**
   * @param as an HTTP client signed in as the given demo user (the test support's {@code as})
   */
  public MovementFixture(Function<String, RestClient> as, JdbcClient jdbc) {
    this.as = as;
    this.jdbc = jdbc;
  }

  /** Creates a unit (201), with its opening date when one is given. */
  public void unit(String kind, String parent, String name, String code, String openedOn) {
    new UnitFixture(as, jdbc).create(kind, parent, name, code, openedOn);
  }

  public void unit(String kind, String parent, String name, String code) {
    unit(kind, parent, name, code, null);
  }

  /** A member's roster line: joined 19/05/2009, official on {@code officialOn} (empty: probationary). */
  public static String rosterLine(String name, String card, String officialOn, String branch) {
    return name + "," + card + ",19/05/2009," + officialOn + "," + branch + "\r\n";
  }

  /**
   * Imports the roster lines into the organization and commits them.
   *
   * @return the accounts created, each with its {@code cardNumber}, {@code memberId} and {@code oneTimePassword}
   */
  public JsonNode importRoster(String organization, String fileName, String lines) {
    JsonNode preview =
        json(
            as.apply("admin")
                .post()
                .uri(
                    "/api/v1/organizations/{o}/roster-imports?fileName={f}", organization, fileName)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body((ROSTER_HEADING + lines).getBytes(StandardCharsets.UTF_8))
                .retrieve()
                .body(String.class));
    return json(as.apply("admin")
            .post()
            .uri("/api/v1/roster-imports/{id}/commit", preview.get("id").asText())
            .retrieve()
            .body(String.class))
        .get("accounts");
  }

  /** Card number → member id of the accounts an import created. */
  public static Map<String, String> memberIds(JsonNode accounts) {
    Map<String, String> ids = new LinkedHashMap<>();
    accounts.forEach(a -> ids.put(a.get("cardNumber").asText(), a.get("memberId").asText()));
    return ids;
  }

  /** Opens the organization's campaign of the year under QĐ 366 (due dates 10 to 50 days ahead); its id. */
  public String openCampaign(String organization, int year) {
    return CampaignOpening.opened(
        as.apply("admin"),
        organization,
        year,
        "QD-366-2025",
        CampaignOpening.Dues.daysAhead(10, 30, 40, 50));
  }

  /** Waits (90 s at most) until the campaign's launch has started that many members. */
  public void awaitStarted(String campaignId, int members) {
    CampaignOpening.awaitStarted(as.apply("admin"), campaignId, members, Duration.ofSeconds(90));
  }

  /** Records a movement of the member as the administrator. */
  public ResponseEntity<String> move(String member, Map<String, ?> body) {
    return move(as.apply("admin"), member, body);
  }

  /** Records a movement of the member with that client. */
  public static ResponseEntity<String> move(RestClient client, String member, Map<String, ?> body) {
    return client
        .post()
        .uri("/api/v1/members/{m}/movements", member)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toEntity(String.class);
  }

  /** The member's branch on the roster. */
  public String branchOf(String member) {
    return jdbc.sql("select branch_id from evaluation.party_member where id = :m")
        .param("m", member)
        .query(String.class)
        .single();
  }

  /** The process of the member's evaluation of the year. */
  public String process(int year, String member) {
    return jdbc.sql(
            "select process_instance_id from evaluation.member_evaluation where year = :y and member_id = :m")
        .param("y", year)
        .param("m", member)
        .query(String.class)
        .single();
  }

  /** The branch the member's evaluation of the year belongs to. */
  public String evaluationBranch(int year, String member) {
    return jdbc.sql(
            "select branch_id from evaluation.member_evaluation where year = :y and member_id = :m")
        .param("y", year)
        .param("m", member)
        .query(String.class)
        .single();
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
