package vn.party.evaluation.process;

import java.util.Objects;

/**
 * Business keys of the process instances. Messages are correlated by business key, so the format
 * is part of the contract: {@code {year}:{memberId}} and {@code {year}:{organizationId}}.
 */
public final class BusinessKeys {

  /** Business key of a {@code member-evaluation} instance, e.g. {@code 2026:member1}. */
  public static String member(int year, String memberId) {
    return year + ":" + Objects.requireNonNull(memberId, "memberId");
  }

  /** Business key of an {@code evaluation-campaign} instance, e.g. {@code 2026:thanh-khe-tay}. */
  /** {@code {year}:{memberId}:rerating:{disciplineDecisionId}}: one re-rating per discipline decision. */
  public static String rerating(int year, String memberId, String disciplineDecisionId) {
    return member(year, memberId) + ":rerating:" + disciplineDecisionId;
  }

  /** {@code {year}:{memberId}:reappraisal}: one re-appraisal per member and year, however many complaints. */
  public static String reappraisal(int year, String memberId) {
    return member(year, memberId) + ":reappraisal";
  }

  /** Business key of a {@code collective-evaluation} instance, e.g. {@code 2026:collective:thanh-khe-tay-cb1}. */
  public static String collective(int year, String collectiveId) {
    return year + ":collective:" + Objects.requireNonNull(collectiveId, "collectiveId");
  }

  public static String campaign(int year, String organizationId) {
    return year + ":" + Objects.requireNonNull(organizationId, "organizationId");
  }

  private BusinessKeys() {}
}
