package vn.party.localstack;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** The body of {@code POST /api/v1/campaigns} the bench and the end-to-end tests send. */
public final class CampaignRequest {

  public static final String DEFAULT_REGULATION = "QD-366-2025";

  private CampaignRequest() {}

  /** Regulation {@value #DEFAULT_REGULATION}. */
  public static Map<String, Object> of(String organizationId, int year) {
    return of(organizationId, year, DEFAULT_REGULATION);
  }

  /** Deadlines 10, 20, 30 and 40 days ahead: far enough that no deadline timer fires during a run. */
  public static Map<String, Object> of(String organizationId, int year, String regulation) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("organizationId", organizationId);
    body.put("year", year);
    body.put("regulation", regulation);
    body.put("selfReviewDue", now.plusDays(10).toString());
    body.put("residenceFeedbackDue", now.plusDays(20).toString());
    body.put("branchReviewDue", now.plusDays(30).toString());
    body.put("decisionDue", now.plusDays(40).toString());
    return body;
  }
}
