package vn.party.evaluation.complaint;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The announcement of a campaign's results and its complaint window. */
@Component
public class Announcements {

  private final JdbcClient jdbc;

  public Announcements(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Announcement(
      UUID campaignId,
      String organizationId,
      int year,
      OffsetDateTime announcedAt,
      OffsetDateTime windowEnd,
      OffsetDateTime closedAt) {

    /** Complaints are received until the window's end, and not after the window was closed. */
    public boolean open(OffsetDateTime now) {
      return closedAt == null && now.isBefore(windowEnd);
    }
  }

  /** A decided member as announced. */
  record Announced(
      String memberId, String memberName, String decidedLevel, String decisionComment) {}

  /** Records the announcement once: a retried step keeps the window end fixed the first time. */
  @Transactional(propagation = Propagation.MANDATORY)
  Announcement announce(
      UUID campaignId, String organizationId, int year, OffsetDateTime windowEnd) {
    jdbc.sql(
            """
            insert into evaluation.announcement (campaign_id, organization_id, year, window_end)
            values (:campaign, :org, :year, :end) on conflict do nothing""")
        .param("campaign", campaignId)
        .param("org", organizationId)
        .param("year", year)
        .param("end", windowEnd)
        .update();
    return lock(campaignId).orElseThrow();
  }

  /** Locks the announcement row until the transaction ends: intake, closing and re-appraisal decisions take turns. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Announcement> lock(UUID campaignId) {
    return jdbc.sql(
            "select * from evaluation.announcement where campaign_id = :campaign for update")
        .param("campaign", campaignId)
        .query(Announcement.class)
        .optional();
  }

  public Optional<Announcement> of(UUID campaignId) {
    return jdbc.sql("select * from evaluation.announcement where campaign_id = :campaign")
        .param("campaign", campaignId)
        .query(Announcement.class)
        .optional();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void close(UUID campaignId) {
    jdbc.sql(
            "update evaluation.announcement set closed_at = now() where campaign_id = :campaign and closed_at is null")
        .param("campaign", campaignId)
        .update();
  }

  /** The members of the campaign with a decided level, in member order. */
  List<Announced> decidedMembers(UUID campaignId) {
    return jdbc.sql(
            """
            select e.member_id, m.full_name as member_name, e.decided_level, e.decision_comment
            from evaluation.member_evaluation e join evaluation.party_member m on m.id = e.member_id
            where e.campaign_id = :campaign and e.status = 'DECIDED' order by e.member_id""")
        .param("campaign", campaignId)
        .query(Announced.class)
        .list();
  }
}
