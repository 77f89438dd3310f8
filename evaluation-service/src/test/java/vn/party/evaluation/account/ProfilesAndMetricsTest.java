package vn.party.evaluation.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import vn.party.evaluation.IntegrationTestSupport;

/**
 * Issue 12, items 5 and 6: a member cannot change the profile their notices are routed by (e-mail, names), through
 * either path form of engine REST; the engine's metrics and the actuator beyond health are for administrators.
 */
class ProfilesAndMetricsTest extends IntegrationTestSupport {

  private String email(String userId) {
    return jdbc.sql("select email_ from act_id_user where id_ = ?")
        .param(userId)
        .query(String.class)
        .single();
  }

  @Test
  void aMemberCannotChangeTheEmailTheirNoticesGoTo() {
    String before = email("member4");
    for (String path :
        new String[] {
          "/engine-rest/user/member4/profile", "/engine-rest/engine/default/user/member4/profile"
        }) {
      int status =
          as("member4")
              .put()
              .uri(path)
              .contentType(MediaType.APPLICATION_JSON)
              .body(
                  "{\"id\":\"member4\",\"firstName\":\"Ai đó\",\"lastName\":\"Khác\",\"email\":\"attacker@example.com\"}")
              .retrieve()
              .toBodilessEntity()
              .getStatusCode()
              .value();
      assertThat(status).as(path).isEqualTo(403);
    }
    assertThat(email("member4")).isEqualTo(before);
  }

  @Test
  void anAdministratorStillKeepsTheProfiles() {
    String before = email("member5");
    int status =
        as("admin")
            .put()
            .uri("/engine-rest/user/member5/profile")
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                "{\"id\":\"member5\",\"firstName\":\"Đảng viên\",\"lastName\":\"Năm\",\"email\":\""
                    + before
                    + "\"}")
            .retrieve()
            .toBodilessEntity()
            .getStatusCode()
            .value();
    assertThat(status).isEqualTo(204);
  }

  @Test
  void metricsAreForAdministratorsOnly() {
    for (String path :
        new String[] {
          "/engine-rest/metrics/activity-instance-start/sum",
          "/engine-rest/engine/default/metrics/activity-instance-start/sum",
          "/engine-rest/metrics?interval=900",
          "/engine-rest/metrics/task-users/sum"
        }) {
      assertThat(
              as("member1").get().uri(path).retrieve().toBodilessEntity().getStatusCode().value())
          .as(path)
          .isEqualTo(403);
      assertThat(
              as("committee").get().uri(path).retrieve().toBodilessEntity().getStatusCode().value())
          .as(path)
          .isEqualTo(403);
      assertThat(as("admin").get().uri(path).retrieve().toBodilessEntity().getStatusCode().value())
          .as(path)
          .isEqualTo(200);
    }
    for (String path :
        new String[] {"/actuator/metrics", "/actuator/prometheus", "/actuator/info"}) {
      assertThat(
              as("member1").get().uri(path).retrieve().toBodilessEntity().getStatusCode().value())
          .as(path)
          .isEqualTo(403);
      assertThat(anonymous().get().uri(path).retrieve().toBodilessEntity().getStatusCode().value())
          .as(path)
          .isEqualTo(401);
    }
    assertThat(
            as("admin")
                .get()
                .uri("/actuator/metrics")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(200);
    assertThat(
            anonymous()
                .get()
                .uri("/actuator/health")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(200);
  }
}
