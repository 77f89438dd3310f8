package vn.party.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void defaults() {
    BenchOptions o = BenchOptions.parse();
    assertThat(o.members).containsExactly(1_000, 10_000);
    assertThat(o.baselineN).isEqualTo(2_000);
    assertThat(o.users).isEqualTo(20);
    assertThat(o.baseline).isTrue();
    assertThat(o.auditBaseline).isTrue();
    assertThat(o.jdbcUrl).isNull();
  }

  @Test
  void fullAddsOneHundredThousandAndValuesComeEitherWay() {
    BenchOptions o =
        BenchOptions.parse(
            "--members=10000,1_000",
            "--full",
            "--users",
            "8",
            "--service-property",
            "evaluation.campaign.launch-batch-size=500",
            "--jdbc-url",
            "jdbc:postgresql://127.0.0.1:5432/postgres",
            "--audit-baseline=false");
    assertThat(o.members).containsExactly(1_000, 10_000, 100_000);
    assertThat(o.users).isEqualTo(8);
    assertThat(o.serviceProperties).containsEntry("evaluation.campaign.launch-batch-size", "500");
    assertThat(o.jdbcUrl).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
    assertThat(o.auditBaseline).isFalse();
  }

  @Test
  void eventLifecycleAndTwoNodeOptions() {
    BenchOptions d = BenchOptions.parse();
    assertThat(d.eventRates).containsExactly(50, 200, 1_000);
    assertThat(d.eventsAt(50)).isEqualTo(500);
    assertThat(d.eventsAt(200)).isEqualTo(600);
    assertThat(d.eventsAt(1_000)).isEqualTo(600);
    assertThat(d.lifecycleMembers).isEqualTo(300);
    assertThat(d.twoNodesMembers).isEqualTo(300);

    BenchOptions o =
        BenchOptions.parse(
            "--event-rates",
            "20,100",
            "--event-seconds",
            "3",
            "--event-max",
            "250",
            "--event-warmup",
            "0",
            "--lifecycle-members",
            "0",
            "--two-nodes-members=40",
            "--notification-property",
            "notification.mail.batch-size=100",
            "--service-jvm-arg",
            "-Xint");
    assertThat(o.serviceJvmArgs).containsExactly("-Xint");
    assertThat(o.eventRates).containsExactly(20, 100);
    assertThat(o.eventsAt(20)).isEqualTo(60);
    assertThat(o.eventsAt(100)).isEqualTo(250);
    assertThat(o.eventWarmup).isZero();
    assertThat(o.lifecycleMembers).isZero();
    assertThat(o.twoNodesMembers).isEqualTo(40);
    assertThat(o.notificationProperties).containsEntry("notification.mail.batch-size", "100");
    assertThat(BenchOptions.parse("--event-rates", "0").eventRates).isEmpty();
    assertThat(o.describe())
        .contains(
            "event-rates=[20, 100]",
            "two-nodes-members=40",
            "notification-properties={notification.mail.batch-size=100}");
    assertThatThrownBy(() -> BenchOptions.parse("--notification-property", "x"))
        .hasMessageContaining("KEY=VALUE");
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> BenchOptions.parse("--members", "0"))
        .hasMessageContaining("--members");
    assertThatThrownBy(() -> BenchOptions.parse("--bogus", "1")).hasMessageContaining("--bogus");
    assertThatThrownBy(() -> BenchOptions.parse("--users")).hasMessageContaining("needs a value");
  }

  @Test
  void theExternalDatabaseNameIsReplacedInTheUrl() {
    assertThat(
            TargetDatabase.withDatabase(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "party_bench_1"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/party_bench_1");
    assertThat(TargetDatabase.withDatabase("jdbc:postgresql://h/postgres?sslmode=disable", "b"))
        .isEqualTo("jdbc:postgresql://h/b?sslmode=disable");
    assertThat(TargetDatabase.withDatabase("jdbc:postgresql://h:1", "b"))
        .isEqualTo("jdbc:postgresql://h:1/b");
  }
}
