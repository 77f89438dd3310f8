package vn.party.evaluation.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLTransientException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

@Configuration
@EnableConfigurationProperties({KafkaTopicsProperties.class, OutboxProperties.class})
public class KafkaConfiguration {

  private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

  @Bean
  NewTopic evaluationEventsTopic(KafkaTopicsProperties topics) {
    return TopicBuilder.name(topics.topics().outbound()).partitions(topics.partitions()).build();
  }

  @Bean
  NewTopic memberEventsTopic(KafkaTopicsProperties topics) {
    return TopicBuilder.name(topics.topics().inbound()).partitions(topics.partitions()).build();
  }

  /** Each outside producer's own topic (issue 12), with as many partitions as the shared one. */
  @Bean
  KafkaAdmin.NewTopics producerTopics(KafkaTopicsProperties topics) {
    return new KafkaAdmin.NewTopics(
        topics.producers().values().stream()
            .map(
                producer ->
                    TopicBuilder.name(producer.topic()).partitions(topics.partitions()).build())
            .toArray(NewTopic[]::new));
  }

  @Bean
  NewTopic memberEventsDeadLetterTopic(KafkaTopicsProperties topics) {
    return TopicBuilder.name(topics.topics().inboundDeadLetter())
        .partitions(topics.partitions())
        .build();
  }

  /**
   * Unreadable records go to the dead-letter topic at once, with the reason in the record's headers. Anything else
   * is retried: while the database is away (transient), without end, so that no event is lost; otherwise a few
   * times, then dead-lettered so that the partition moves on.
   */
  @Bean
  DefaultErrorHandler kafkaErrorHandler(
      KafkaTemplate<String, byte[]> template, KafkaTopicsProperties topics, MeterRegistry meters) {
    var deadLettered = meters.counter("evaluation.events.dead_lettered");
    var recoverer =
        new DeadLetterPublishingRecoverer(
            template,
            (record, ex) -> {
              deadLettered.increment();
              log.warn(
                  "dead-lettering {}-{}@{}: {}",
                  record.topic(),
                  record.partition(),
                  record.offset(),
                  rootMessage(ex));
              // every inbound topic (the shared one and each producer's) has the one dead-letter
              // topic administrators watch
              return new TopicPartition(topics.topics().inboundDeadLetter(), record.partition());
            });
    var handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500L, 3));
    handler.addNotRetryableExceptions(UnreadableEventException.class);
    handler.setBackOffFunction((record, ex) -> isTransient(ex) ? transientBackOff() : null);
    return handler;
  }

  private static ExponentialBackOff transientBackOff() {
    ExponentialBackOff backOff = new ExponentialBackOff(500L, 2.0);
    backOff.setMaxInterval(30_000L);
    return backOff; // unlimited attempts
  }

  private static boolean isTransient(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof TransientDataAccessException
          || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientException) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable ex) {
    Throwable t = ex;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
