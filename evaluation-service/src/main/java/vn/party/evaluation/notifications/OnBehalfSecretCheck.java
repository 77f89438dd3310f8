package vn.party.evaluation.notifications;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Refuses to start without a proper on-behalf secret (issue 12): whoever holds it signs tokens that read and change
 * anyone's notifications in notification-service, so there is no default in the repository. Runs before any bean,
 * so the service stops at once with a message naming the property.
 * <ul>
 *   <li>not set, profile {@code demo}: a fresh random secret for this process only (nobody can sign with it, so the
 *       pages say notifications are unavailable unless both services are given the same value, as
 *       {@code run-local.sh} and docker-compose do);</li>
 *   <li>not set otherwise, shorter than {@link #MIN_LENGTH}, or a value once published in this repository: the
 *       service does not start.</li>
 * </ul>
 */
public class OnBehalfSecretCheck implements EnvironmentPostProcessor, Ordered {

  public static final String PROPERTY = "evaluation.notifications.on-behalf-secret";
  public static final String VARIABLE = "EVALUATION_NOTIFICATIONS_ON_BEHALF_SECRET";

  /** 32 characters: as many bytes as the HMAC-SHA-256 output, so the key is not the weak link. */
  public static final int MIN_LENGTH = 32;

  /** Values that were written in this repository and are therefore known to everyone. */
  static final Set<String> PUBLISHED = Set.of("local-default-on-behalf-secret");

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String secret = environment.getProperty(PROPERTY);
    if (secret == null || secret.isBlank()) {
      if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
        environment
            .getPropertySources()
            .addLast(new MapPropertySource("demoOnBehalfSecret", Map.of(PROPERTY, randomSecret())));
        return;
      }
      throw new IllegalStateException(
          PROPERTY
              + " (environment "
              + VARIABLE
              + ") is not set: it signs the tokens "
              + "with which the pages call notification-service for the signed-in person and has no default. Set it to "
              + "the same random value of at least "
              + MIN_LENGTH
              + " characters on both services (e.g. openssl rand "
              + "-base64 33); ./run-local.sh and docker-compose (.env) do so.");
    }
    if (PUBLISHED.contains(secret.strip())) {
      throw new IllegalStateException(
          PROPERTY
              + " (environment "
              + VARIABLE
              + ") is a value published in the "
              + "repository: anyone could sign tokens with it. Set a random value of at least "
              + MIN_LENGTH
              + " characters.");
    }
    if (secret.length() < MIN_LENGTH) {
      throw new IllegalStateException(
          PROPERTY
              + " (environment "
              + VARIABLE
              + ") is too short: at least "
              + MIN_LENGTH
              + " characters, random (e.g. openssl rand -base64 33).");
    }
  }

  static String randomSecret() {
    byte[] bytes = new byte[33];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public int getOrder() {
    // after application.yml and the profile files are read (ConfigDataEnvironmentPostProcessor)
    return Ordered.LOWEST_PRECEDENCE;
  }
}
