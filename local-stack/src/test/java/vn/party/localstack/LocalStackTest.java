package vn.party.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalStackTest {

  @Test
  void defaultsAreTheDocumentedPorts() {
    LocalStackOptions o = LocalStackOptions.parse();
    assertThat(o.ports().values()).containsExactly(15432, 9092, 1025, 1143, 8025, 8080, 8081);
    assertThat(o.demo).isTrue();
    assertThat(o.fresh).isFalse();
  }

  @Test
  void parsesOptionsWithOrWithoutEquals() {
    LocalStackOptions o =
        LocalStackOptions.parse(
            "--kafka-port",
            "19092",
            "--db-port=25432",
            "--smtp-port",
            "2525",
            "--no-demo",
            "--fresh",
            "--data-dir",
            "/tmp/pgdata");
    assertThat(o.kafkaPort).isEqualTo(19092);
    assertThat(o.dbPort).isEqualTo(25432);
    assertThat(o.smtpPort).isEqualTo(2525);
    assertThat(o.demo).isFalse();
    assertThat(o.fresh).isTrue();
    assertThat(o.dataDir).isEqualTo(Path.of("/tmp/pgdata"));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> LocalStackOptions.parse("--kafka-port", "abc"))
        .hasMessageContaining("port number");
    assertThatThrownBy(() -> LocalStackOptions.parse("--kafka-port"))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> LocalStackOptions.parse("--db-port=70000"))
        .hasMessageContaining("not a valid port");
    assertThatThrownBy(() -> LocalStackOptions.parse("--bogus"))
        .hasMessageContaining("Unknown option");
  }

  @Test
  void bannerNamesEveryUrlAndTheDemoLoginsVietnameseFirst() {
    String banner = defaultBanner(true);
    assertThat(banner)
        .contains(
            "http://localhost:8080/camunda/app/tasklist/",
            "http://localhost:8080/camunda/app/cockpit/",
            "http://localhost:8080/camunda/app/admin/",
            "http://localhost:8080/engine-rest",
            "http://localhost:8080/api/v1",
            "http://localhost:8080/v3/api-docs",
            "http://localhost:8080/swagger-ui.html",
            "http://localhost:8081/api/v1/notifications",
            "http://localhost:8025",
            "localhost:9092",
            "evaluation.events",
            "evaluation.events.DLT",
            "party.member-events",
            "party.member-events.DLT",
            "jdbc:postgresql://localhost:15432/party_evaluation",
            "admin / admin",
            "member1 … member15",
            "secretary1 … secretary3",
            "committee",
            "auditor",
            "district                      Ban Thường vụ cấp ủy quận cấp trên của thanh-khe-tay",
            "district                      standing committee of the district above thanh-khe-tay",
            "mật khẩu: demo",
            "password: demo");
    assertThat(banner.indexOf("ĐÃ SẴN SÀNG")).isLessThan(banner.indexOf("READY"));
    assertThat(defaultBanner(false)).doesNotContain("member1");
  }

  private static String defaultBanner(boolean demo) {
    return new LocalStackBanner(
            8080,
            8081,
            8025,
            "localhost:9092",
            "jdbc:postgresql://localhost:15432/party_evaluation",
            "evaluation",
            "evaluation",
            1025,
            1143,
            demo,
            Path.of("/repo/local-stack/target/logs"))
        .text();
  }

  @Test
  void serviceCommandsCarryTheInfrastructureSettings() throws Exception {
    try (LocalInfrastructure infra = LocalInfrastructure.forTests().start()) {
      Path fakeJar = FakeServiceJar.build(java.nio.file.Files.createTempDirectory("fake-jar"));
      ServiceProcess evaluation = LocalStack.evaluationService(infra, fakeJar, 18080, true).build();
      assertThat(evaluation.command())
          .contains(
              "-Xmx768m",
              "--server.port=18080",
              "--spring.profiles.active=demo",
              "--spring.datasource.url=" + infra.jdbcUrl(),
              "--spring.datasource.username=evaluation",
              "--spring.datasource.password=evaluation",
              "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
              "--evaluation.public-url=http://localhost:18080");
      assertThat(LocalStack.evaluationService(infra, fakeJar, 18080, false).build().command())
          .noneMatch(a -> a.startsWith("--spring.profiles.active"));
      ServiceProcess notification =
          LocalStack.notificationService(infra, fakeJar, 18081, "http://localhost:18080").build();
      assertThat(notification.command())
          .contains(
              "--server.port=18081",
              "--spring.datasource.url=" + infra.jdbcUrl(),
              "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
              "--spring.mail.host=localhost",
              "--spring.mail.port=" + infra.smtpPort(),
              "--notification.identity-url=http://localhost:18080",
              "--notification.public-url=http://localhost:18081");

      // issue 12: one fresh random on-behalf secret per run, the same for both services, in their
      // environment
      // and never on the command line (which other users of the machine can read)
      String secret = evaluation.environment().get(LocalStack.EVALUATION_ON_BEHALF_SECRET_VARIABLE);
      assertThat(secret)
          .hasSizeGreaterThanOrEqualTo(32)
          .isEqualTo(infra.onBehalfSecret())
          .isNotEqualTo("local-default-on-behalf-secret");
      assertThat(notification.environment())
          .containsEntry(LocalStack.NOTIFICATION_ON_BEHALF_SECRET_VARIABLE, secret);
      assertThat(evaluation.command()).noneMatch(a -> a.contains(secret));
      assertThat(notification.command()).noneMatch(a -> a.contains(secret));
      try (LocalInfrastructure another = LocalInfrastructure.forTests().start()) {
        assertThat(another.onBehalfSecret()).isNotEqualTo(secret);
      }

      // every property the launcher passes exists in the service's application.yml (a rename breaks
      // this)
      assertPropertiesExist(
          ServiceJars.EVALUATION_SERVICE,
          LocalStack.evaluationService(infra, fakeJar, 18080, true).build().command());
      assertPropertiesExist(ServiceJars.NOTIFICATION_SERVICE, notification.command());

      // issue 14: the tools (end-to-end tests, bench) open campaigns for any year with any
      // deadlines; the README's run (./run-local.sh) refuses a year still to come and deadlines
      // already past, as a deployment does (the setting is false by default)
      assertThat(LocalStack.evaluationService(infra, fakeJar, 18080, false).build().command())
          .contains("--" + LocalStack.ANY_CALENDAR_ALLOWED + "=true");
      java.util.List<String> run =
          LocalStackRun.evaluationService(infra, fakeJar, LocalStackOptions.parse())
              .build()
              .command();
      assertThat(run)
          .contains("--spring.profiles.active=demo", "--evaluation.demo.unit-heads=true")
          .noneMatch(a -> a.contains("any-calendar-allowed") || a.contains("future-years-allowed"));
    }
  }

  private static void assertPropertiesExist(String module, java.util.List<String> command)
      throws Exception {
    java.util.Map<String, String> flat = new java.util.LinkedHashMap<>();
    DockerComposeConsistencyTest.flatten(
        "",
        DockerComposeConsistencyTest.readYaml(
            ServiceJars.repositoryRoot()
                .resolve(module)
                .resolve("src/main/resources/application.yml")),
        flat);
    java.util.List<String> keys =
        command.stream()
            .filter(a -> a.startsWith("--") && a.contains("="))
            .map(a -> a.substring(2, a.indexOf('=')))
            .toList();
    assertThat(keys).isNotEmpty();
    assertThat(keys)
        .as(module + " properties passed by the launcher")
        .allMatch(k -> flat.containsKey(k) || DockerComposeConsistencyTest.BOOT_KEYS.contains(k));
  }
}
