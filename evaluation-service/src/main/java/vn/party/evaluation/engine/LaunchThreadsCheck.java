package vn.party.evaluation.engine;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.stereotype.Component;
import vn.party.evaluation.campaign.CampaignProperties;

/**
 * A launch runs {@code evaluation.campaign.launch-parallelism} lanes at once, each on a job-executor thread: with
 * fewer core threads than lanes the lanes would queue behind each other and the setting would lie. Refuses to start
 * then, rather than launch slower than configured without a word.
 */
@Component
class LaunchThreadsCheck {

  LaunchThreadsCheck(CampaignProperties campaign, CamundaBpmProperties camunda) {
    JobExecutionProperty jobs = camunda.getJobExecution();
    if (jobs.isEnabled() && jobs.getCorePoolSize() < campaign.launchParallelism()) {
      throw new IllegalStateException(
          "camunda.bpm.job-execution.core-pool-size ("
              + jobs.getCorePoolSize()
              + ") phải ít nhất bằng evaluation.campaign.launch-parallelism ("
              + campaign.launchParallelism()
              + "): mỗi luồng khởi tạo cần một luồng của job executor / must be at least"
              + " evaluation.campaign.launch-parallelism: each launch lane needs a job-executor thread");
    }
  }
}
