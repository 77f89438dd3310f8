package vn.party.evaluation.campaign;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param launchBatchSize members started per launch batch, each batch its own transaction
 * @param launchParallelism launch lanes taking batches at the same time, each on a job-executor thread of its own
 *     (so {@code camunda.bpm.job-execution.core-pool-size} must be at least this: engine.LaunchThreadsCheck); fixed per
 *     campaign when it opens
 */
@ConfigurationProperties("evaluation.campaign")
public record CampaignProperties(int launchBatchSize, @DefaultValue("2") int launchParallelism) {

  public CampaignProperties {
    if (launchBatchSize < 1) {
      throw new IllegalArgumentException(
          "evaluation.campaign.launch-batch-size phải ít nhất là 1 / must be at least 1: "
              + launchBatchSize);
    }
    if (launchParallelism < 1) {
      throw new IllegalArgumentException(
          "evaluation.campaign.launch-parallelism phải ít nhất là 1 / must be at least 1: "
              + launchParallelism);
    }
  }
}
