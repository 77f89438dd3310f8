package vn.party.evaluation.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.mock.env.MockEnvironment;
import vn.party.evaluation.EvaluationServiceApplication;
import vn.party.evaluation.notifications.OnBehalfSecretCheck;

/**
 * Issue 12: the on-behalf secret (it signs the tokens the pages call notification-service with) has no default in
 * the repository. Outside the demo profile the real application stops before any bean with a message naming the
 * property; with the demo profile and no secret, each process makes up its own random one, never a known value.
 */
class OnBehalfSecretRequiredTest {

  @Test
  void theServiceRefusesToStartWithoutTheSecretOutsideDemo() {
    assertThatThrownBy(() -> start())
        .hasMessageContaining("evaluation.notifications.on-behalf-secret")
        .hasMessageContaining("EVALUATION_NOTIFICATIONS_ON_BEHALF_SECRET")
        .hasMessageContaining("is not set");
  }

  @Test
  void theFormerRepositoryDefaultAndShortSecretsAreRefusedEvenInDemo() {
    assertThatThrownBy(
            () ->
                start(
                    "--spring.profiles.active=demo",
                    "--evaluation.notifications.on-behalf-secret=local-default-on-behalf-secret"))
        .hasMessageContaining("evaluation.notifications.on-behalf-secret")
        .hasMessageContaining("published");
    assertThatThrownBy(() -> start("--evaluation.notifications.on-behalf-secret=" + "x".repeat(31)))
        .hasMessageContaining("too short");
  }

  @Test
  void withTheDemoProfileAndNoSecretEachProcessHasItsOwnRandomOne() {
    MockEnvironment first = new MockEnvironment();
    first.setActiveProfiles("demo");
    new OnBehalfSecretCheck().postProcessEnvironment(first, null);
    MockEnvironment second = new MockEnvironment();
    second.setActiveProfiles("demo");
    new OnBehalfSecretCheck().postProcessEnvironment(second, null);
    String one = first.getProperty(OnBehalfSecretCheck.PROPERTY);
    assertThat(one)
        .hasSizeGreaterThanOrEqualTo(OnBehalfSecretCheck.MIN_LENGTH)
        .isNotEqualTo(second.getProperty(OnBehalfSecretCheck.PROPERTY));
    // a value that is set is kept as it is
    MockEnvironment configured =
        new MockEnvironment().withProperty(OnBehalfSecretCheck.PROPERTY, "y".repeat(40));
    configured.setActiveProfiles("demo");
    new OnBehalfSecretCheck().postProcessEnvironment(configured, null);
    assertThat(configured.getProperty(OnBehalfSecretCheck.PROPERTY)).isEqualTo("y".repeat(40));
  }

  private static void start(String... args) {
    SpringApplication application = new SpringApplication(EvaluationServiceApplication.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.run(args).close();
  }
}
