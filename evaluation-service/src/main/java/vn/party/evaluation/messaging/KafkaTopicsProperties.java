package vn.party.evaluation.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("evaluation.kafka")
public record KafkaTopicsProperties(Topics topics, int partitions) {

  public record Topics(String outbound, String inbound) {

    public String inboundDeadLetter() {
      return inbound + ".DLT";
    }
  }
}
