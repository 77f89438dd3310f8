package vn.party.notification.security;

import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start without a proper on-behalf secret (issue 12): whoever holds it can sign a token that reads and
 * changes anyone's notifications here, with no password, so there is no default in the repository. Runs before any
 * bean, so the service stops at once with a message naming the property. Not set, blank, shorter than
 * {@link #MIN_LENGTH} or a value once published in this repository: the service does not start.
 */
public class OnBehalfSecretCheck implements EnvironmentPostProcessor, Ordered {

  public static final String PROPERTY = "notification.on-behalf.secret";
  public static final String VARIABLE = "NOTIFICATION_ON_BEHALF_SECRET";

  /** 32 characters: as many bytes as the HMAC-SHA-256 output, so the key is not the weak link. */
  public static final int MIN_LENGTH = 32;

  /** Values that were written in this repository and are therefore known to everyone. */
  static final Set<String> PUBLISHED = Set.of("local-default-on-behalf-secret");

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String secret = environment.getProperty(PROPERTY);
    if (secret == null || secret.isBlank()) {
      throw new IllegalStateException(
          PROPERTY
              + " (environment "
              + VARIABLE
              + ") is not set: it checks the tokens "
              + "with which evaluation-service's pages call for the signed-in person and has no default. Set it to the "
              + "same random value of at least "
              + MIN_LENGTH
              + " characters as evaluation-service's "
              + "evaluation.notifications.on-behalf-secret (e.g. openssl rand -base64 33); ./run-local.sh and "
              + "docker-compose (.env) do so.");
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

  @Override
  public int getOrder() {
    // after application.yml is read (ConfigDataEnvironmentPostProcessor)
    return Ordered.LOWEST_PRECEDENCE;
  }
}
