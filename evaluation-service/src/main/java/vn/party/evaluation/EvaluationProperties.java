package vn.party.evaluation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicUrl where people reach this service (links in e-mails)
 */
@ConfigurationProperties("evaluation")
public record EvaluationProperties(String publicUrl) {

  public String taskUrl(String taskId) {
    return publicUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }
}
