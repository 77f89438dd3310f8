package vn.party.evaluation.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("evaluation.outbox")
public record OutboxProperties(long pollIntervalMs, int batchSize) {}
