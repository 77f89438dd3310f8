package vn.party.evaluation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicUrl where people reach this service (links in e-mails)
 */
@ConfigurationProperties("evaluation")
public record EvaluationProperties(String publicUrl) {

  /** The task's page among the people's pages (sign-in first if needed); Tasklist stays available too. */
  public String taskUrl(String taskId) {
    return publicUrl + "/app/tasks/" + taskId;
  }
}
