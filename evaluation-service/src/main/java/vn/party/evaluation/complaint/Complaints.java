package vn.party.evaluation.complaint;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The complaints received in a window. */
@Component
public class Complaints {

  private final JdbcClient jdbc;

  public Complaints(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** How a complaint came in. */
  public enum Channel {
    API,
    EVENT
  }

  public record Complaint(
      long id,
      int year,
      String memberId,
      UUID campaignId,
      String grounds,
      String submittedBy,
      Channel channel,
      String eventSource,
      String eventId,
      OffsetDateTime receivedAt) {}

  @Transactional(propagation = Propagation.MANDATORY)
  Complaint add(
      int year,
      String memberId,
      UUID campaignId,
      String grounds,
      String submittedBy,
      Channel channel,
      String eventSource,
      String eventId) {
    return jdbc.sql(
            """
            insert into evaluation.complaint (year, member_id, campaign_id, grounds, submitted_by, channel,
              event_source, event_id)
            values (:year, :member, :campaign, :grounds, :by, :channel, :source, :event) returning *""")
        .param("year", year)
        .param("member", memberId)
        .param("campaign", campaignId)
        .param("grounds", grounds)
        .param("by", submittedBy)
        .param("channel", channel.name())
        .param("source", eventSource)
        .param("event", eventId)
        .query(Complaint.class)
        .single();
  }

  public List<Complaint> of(int year, String memberId) {
    return jdbc.sql(
            "select * from evaluation.complaint where year = :year and member_id = :member order by id")
        .param("year", year)
        .param("member", memberId)
        .query(Complaint.class)
        .list();
  }
}
