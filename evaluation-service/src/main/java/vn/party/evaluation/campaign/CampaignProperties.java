package vn.party.evaluation.campaign;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param launchBatchSize members started per launch batch, each batch its own transaction */
@ConfigurationProperties("evaluation.campaign")
public record CampaignProperties(int launchBatchSize) {}
