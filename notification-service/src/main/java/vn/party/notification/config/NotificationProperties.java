package vn.party.notification.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code notification.*}; the defaults live in application.yml. {@code evaluationPublicUrl}: where
 * people reach evaluation-service; a link in an event is shown and mailed only if it is under it (issue 12).
 */
@Validated
@ConfigurationProperties("notification")
public record NotificationProperties(
    @NotNull URI identityUrl,
    @NotNull Duration identityTimeout,
    @NotNull Duration identityCacheTtl,
    @Min(1) int identityCacheMaxEntries,
    @NotNull URI publicUrl,
    @NotNull URI evaluationPublicUrl,
    @NotNull Locale locale,
    @NotNull ZoneId timeZone,
    @NotNull @Valid Mail mail,
    @NotNull @Valid Kafka kafka,
    @NotNull @Valid OnBehalf onBehalf) {

  /**
   * The tokens evaluation-service's pages call with for the signed-in person.
   *
   * @param secret      shared with evaluation-service ({@code evaluation.notifications.on-behalf-secret}); blank: no
   *                    token is accepted
   * @param maxLifetime a token claiming to live longer is refused
   */
  public record OnBehalf(String secret, @NotNull Duration maxLifetime) {}

  public record Mail(
      @NotBlank String from,
      @NotNull Duration pollInterval,
      @Min(1) int batchSize,
      @Min(1) int maxAttempts,
      @NotNull Duration retryBackoff,
      @NotNull Duration maxBackoff) {}

  public record Kafka(
      @NotBlank String topic,
      @NotBlank String deadLetterTopic,
      @Min(1) int partitions,
      @NotNull Duration retryInitialInterval,
      @NotNull Duration retryMaxInterval,
      @Min(0) int retryMaxAttempts) {}
}
