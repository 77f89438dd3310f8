package vn.party.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.party.localstack.CampaignRequest;

/**
 * Opens a campaign through {@code POST /api/v1/campaigns} as {@code admin} and polls
 * {@code GET /api/v1/campaigns/{id}} every {@value #POLL_MS} ms until every member's evaluation has started. The
 * time is from sending the POST to the first poll that sees {@code membersStarted == membersTotal == expected}, so
 * it includes the roster preparation and is late by at most one poll interval.
 */
final class CampaignLaunch {

  private static final Logger log = LoggerFactory.getLogger(CampaignLaunch.class);
  static final long POLL_MS = 200;

  record Outcome(String campaignId, int members, double seconds) {
    double membersPerSecond() {
      return members / seconds;
    }
  }

  private CampaignLaunch() {}

  static Outcome launch(
      EvaluationClient client, String admin, String organizationId, int year, int expected)
      throws Exception {
    Map<String, Object> body = CampaignRequest.of(organizationId, year);

    long t0 = System.nanoTime();
    var created = client.post("/api/v1/campaigns", admin, body);
    EvaluationClient.expect(created, 201, "POST /api/v1/campaigns for " + organizationId);
    String id = EvaluationClient.JSON.readTree(created.body()).path("id").asText();

    Duration timeout = Duration.ofMinutes(5).plusMillis(50L * expected);
    long deadline = t0 + timeout.toNanos();
    long nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      JsonNode campaign = client.getJson("/api/v1/campaigns/" + id, admin);
      JsonNode progress = campaign.path("progress");
      int total = progress.path("membersTotal").asInt();
      int started = progress.path("membersStarted").asInt();
      long now2 = System.nanoTime();
      if (progress.path("rosterPrepared").asBoolean() && total == expected && started >= total) {
        double seconds = (now2 - t0) / 1e9;
        log.info(
            "Launch of {} members done in {} s ({} members/s), status {}",
            expected,
            Results.number(seconds),
            Results.number(expected / seconds),
            campaign.path("status").asText());
        return new Outcome(id, expected, seconds);
      }
      if (progress.path("rosterPrepared").asBoolean() && total != expected) {
        throw new IllegalStateException(
            "campaign " + id + " has " + total + " members on its roster, expected " + expected);
      }
      if (now2 > deadline) {
        throw new IllegalStateException(
            "launch of "
                + expected
                + " members not done after "
                + timeout
                + ": "
                + started
                + " started");
      }
      if (now2 > nextReport) {
        double elapsed = (now2 - t0) / 1e9;
        log.info(
            "  launch {}: {}/{} started after {} s ({} members/s so far)",
            organizationId,
            started,
            expected,
            Results.number(elapsed),
            Results.number(started / elapsed));
        nextReport = now2 + Duration.ofSeconds(10).toNanos();
      }
      Thread.sleep(POLL_MS);
    }
  }
}
