package vn.party.notification.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;
import vn.party.notification.config.NotificationProperties;

/** Kafka wiring of the consumer of {@code evaluation.events} and of its dead-letter topic. */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

  @Bean
  NewTopic evaluationEventsTopic(NotificationProperties properties) {
    return TopicBuilder.name(properties.kafka().topic())
        .partitions(properties.kafka().partitions())
        .build();
  }

  /** Same partition count as the source topic: a dead letter keeps its partition, and so its key's order. */
  @Bean
  NewTopic evaluationEventsDeadLetterTopic(NotificationProperties properties) {
    return TopicBuilder.name(properties.kafka().deadLetterTopic())
        .partitions(properties.kafka().partitions())
        .build();
  }

  @Bean
  ConsumerFactory<String, InboundEvent> evaluationEventConsumerFactory(
      KafkaProperties kafka,
      ObjectProvider<SslBundles> sslBundles,
      ObjectMapper objectMapper,
      Validator validator,
      NotificationProperties properties) {
    return new DefaultKafkaConsumerFactory<>(
        kafka.buildConsumerProperties(sslBundles.getIfAvailable()),
        StringDeserializer::new,
        () ->
            new ErrorHandlingDeserializer<>(
                new EvaluationEventDeserializer(objectMapper, validator, properties.timeZone())));
  }

  /**
   * Boot's own container factory would ask for a {@code ConsumerFactory<Object, Object>} and, not
   * finding one, build a consumer with plain String values; this one uses the factory above and
   * still takes every spring.kafka.listener.* setting and the error handler from Boot's configurer.
   */
  @Bean
  @SuppressWarnings({"unchecked", "rawtypes"})
  ConcurrentKafkaListenerContainerFactory<String, InboundEvent> kafkaListenerContainerFactory(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
      ConsumerFactory<String, InboundEvent> evaluationEventConsumerFactory) {
    ConcurrentKafkaListenerContainerFactory<String, InboundEvent> factory =
        new ConcurrentKafkaListenerContainerFactory<>();
    configurer.configure(
        (ConcurrentKafkaListenerContainerFactory) factory,
        (ConsumerFactory) evaluationEventConsumerFactory);
    return factory;
  }

  @Bean
  ProducerFactory<String, Object> deadLetterProducerFactory(
      KafkaProperties kafka, ObjectProvider<SslBundles> sslBundles) {
    return new DefaultKafkaProducerFactory<>(
        kafka.buildProducerProperties(sslBundles.getIfAvailable()),
        new StringSerializer(),
        new DeadLetterValueSerializer());
  }

  @Bean
  KafkaTemplate<String, Object> deadLetterTemplate(
      ProducerFactory<String, Object> deadLetterProducerFactory) {
    return new KafkaTemplate<>(deadLetterProducerFactory);
  }

  @Bean
  DeadLetters deadLetters(
      KafkaTemplate<String, Object> deadLetterTemplate,
      NotificationProperties properties,
      MeterRegistry meterRegistry) {
    String topic = properties.kafka().deadLetterTopic();
    int partitions = properties.kafka().partitions();
    DeadLetterPublishingRecoverer publisher =
        new DeadLetterPublishingRecoverer(
            deadLetterTemplate,
            (record, exception) ->
                new TopicPartition(
                    topic, record.partition() < partitions ? record.partition() : -1));
    publisher.setHeadersFunction(
        (record, exception) ->
            new RecordHeaders()
                .add(
                    DeadLetters.REASON_HEADER,
                    DeadLetters.reason(exception).getBytes(StandardCharsets.UTF_8)));
    return new DeadLetters(publisher, meterRegistry);
  }

  /**
   * Unreadable records are dead-lettered at once (DeserializationException is never retried);
   * other failures, e.g. the database being down, are retried with backoff first.
   */
  @Bean
  DefaultErrorHandler evaluationEventErrorHandler(
      DeadLetters deadLetters, NotificationProperties properties) {
    NotificationProperties.Kafka kafka = properties.kafka();
    ExponentialBackOff backOff =
        new ExponentialBackOff(kafka.retryInitialInterval().toMillis(), 2.0);
    backOff.setMaxInterval(kafka.retryMaxInterval().toMillis());
    backOff.setMaxAttempts(kafka.retryMaxAttempts());
    DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
    handler.addNotRetryableExceptions(InvalidEventException.class);
    return handler;
  }
}
