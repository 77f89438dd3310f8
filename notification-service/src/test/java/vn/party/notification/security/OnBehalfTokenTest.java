package vn.party.notification.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.party.notification.compose.NotificationKind;
import vn.party.notification.compose.Params;
import vn.party.notification.inapp.Notification;
import vn.party.notification.inapp.NotificationRepository;
import vn.party.notification.support.Http;
import vn.party.notification.support.IntegrationTest;
import vn.party.notification.support.TestInfrastructure;

/**
 * The on-behalf tokens evaluation-service's pages call with: a valid one is the user it names (and nobody else),
 * anything else is 401 — forged, expired, claiming too long a life, for no user — and never asks the identity service.
 */
class OnBehalfTokenTest extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired NotificationRepository notifications;

  @Value("${notification.on-behalf.secret}")
  String secret;

  @BeforeEach
  void twoNotificationsForMember1AndOneForMember2() {
    insert("member1");
    insert("member1");
    insert("member2");
  }

  @Test
  void aValidTokenListsAndMarksOnlyItsUsersNotifications() throws Exception {
    int identityCalls = TestInfrastructure.IDENTITY.calls("member1");
    String token = token(secret, "v1|member1|" + (Instant.now().getEpochSecond() + 60));

    JsonNode list = JSON.readTree(ok(get("/api/v1/notifications", token)).body());
    assertThat(list.path("unreadCount").asLong()).isEqualTo(2);
    assertThat(list.path("items")).hasSize(2);

    JsonNode readAll = JSON.readTree(ok(post("/api/v1/notifications/read-all", token)).body());
    assertThat(readAll.path("marked").asInt()).isEqualTo(2);
    assertThat(readAll.path("unreadCount").asLong()).isZero();
    // member2's notification is untouched
    assertThat(
            JSON.readTree(
                    Http.send(
                            Http.request(port, "/api/v1/notifications")
                                .header("Authorization", Http.basic("member2"))
                                .build())
                        .body())
                .path("unreadCount")
                .asLong())
        .isEqualTo(1);
    // the token is checked here, by its signature: the identity service is not asked
    assertThat(TestInfrastructure.IDENTITY.calls("member1")).isEqualTo(identityCalls);

    assertThat(
            ok(Http.send(
                    Http.request(port, "/api/v1/notifications/preferences")
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"emailEnabled\":false}"))
                        .build()))
                .body())
        .contains("\"emailEnabled\":false");
  }

  @Test
  void forgedExpiredOverlongAndMalformedTokensAre401() {
    long now = Instant.now().getEpochSecond();
    Map<String, String> refused =
        Map.of(
            "signed with another secret", token("another-secret", "v1|member1|" + (now + 60)),
            "expired", token(secret, "v1|member1|" + (now - 1)),
            "lives longer than allowed", token(secret, "v1|member1|" + (now + 3600)),
            "no user", token(secret, "v1||" + (now + 60)),
            "unknown version", token(secret, "v2|member1|" + (now + 60)),
            "not base64", "%%%.%%%",
            "no signature",
                Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(("v1|member1|" + (now + 60)).getBytes(StandardCharsets.UTF_8)));
    refused.forEach(
        (why, token) -> {
          HttpResponse<String> response = get("/api/v1/notifications", token);
          assertThat(response.statusCode()).as(why).isEqualTo(401);
          assertThat(response.headers().firstValue("Content-Type").orElse(""))
              .as(why)
              .startsWith("application/problem+json");
        });
    // a signature taken from another user's token does not carry over
    String member2 = token(secret, "v1|member2|" + (now + 60));
    String swapped =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("v1|member1|" + (now + 60)).getBytes(StandardCharsets.UTF_8))
            + member2.substring(member2.indexOf('.'));
    assertThat(get("/api/v1/notifications", swapped).statusCode()).isEqualTo(401);
  }

  /**
   * Issue 12: the secret that application.yml once held as its default is public. A token signed with it — reading and
   * changing member1's notifications and preferences without a password — is refused, on reads and on writes.
   */
  @Test
  void aTokenSignedWithTheFormerRepositoryDefaultIsRefused() {
    String forged =
        token(
            "local-default-on-behalf-secret",
            "v1|member1|" + (Instant.now().getEpochSecond() + 60));
    assertThat(get("/api/v1/notifications", forged).statusCode()).isEqualTo(401);
    assertThat(post("/api/v1/notifications/read-all", forged).statusCode()).isEqualTo(401);
    assertThat(
            Http.send(
                    HttpRequest.newBuilder(
                            URI.create(
                                "http://localhost:" + port + "/api/v1/notifications/preferences"))
                        .header("Authorization", "Bearer " + forged)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"emailEnabled\":false}"))
                        .build())
                .statusCode())
        .isEqualTo(401);
    assertThat(secret).isNotEqualTo("local-default-on-behalf-secret");
  }

  static String token(String secret, String payload) {
    try {
      String encoded =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(payload.getBytes(StandardCharsets.UTF_8));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return encoded
          + "."
          + Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(mac.doFinal(encoded.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void insert(String userId) {
    notifications.insert(
        new Notification(
            UUID.randomUUID(),
            userId,
            NotificationKind.MEMBER_DECIDED,
            "t",
            "b",
            null,
            Map.of(Params.YEAR, "2040", Params.MEMBER_NAME, "Nguyễn Văn An", Params.LEVEL, "GOOD"),
            "/evaluation-service",
            UUID.randomUUID().toString(),
            null,
            null));
  }

  private HttpResponse<String> get(String path, String token) {
    return Http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build());
  }

  private HttpResponse<String> post(String path, String token) {
    return Http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  private static HttpResponse<String> ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response;
  }
}
