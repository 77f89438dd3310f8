package vn.party.evaluation.meeting;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.rules.Level;

/** The meeting records (biên bản họp chi bộ). */
@Component
class BranchMeetings {

  private final JdbcClient jdbc;

  BranchMeetings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * {@code recorded_by} holds the clerk who took the minutes (thư ký), whoever typed them in; {@code chair_id} who
   * chaired (null when the branch has no secretary and nobody was picked).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  UUID save(String branchId, int year, Meeting meeting, String chair, String clerk) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into evaluation.branch_meeting (id, branch_id, year, held_on, place, official_members,
              exempted_members, present, absent_names, chair_id, recorded_by)
            values (:id, :branch, :year, :heldOn, :place, :official, :exempted, :present, :absent, :chair, :by)""")
        .param("id", id)
        .param("branch", branchId)
        .param("year", year)
        .param("heldOn", meeting.heldOn())
        .param("place", meeting.place())
        .param("official", meeting.officialMembers())
        .param("exempted", meeting.exemptedMembers())
        .param("present", meeting.present())
        .param("absent", meeting.absentNames())
        .param("chair", chair)
        .param("by", clerk)
        .update();
    return id;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void saveVote(UUID meetingId, String memberId, Meeting.Entry entry) {
    jdbc.sql(
            """
            insert into evaluation.branch_meeting_vote (meeting_id, member_id, votes_excellent, votes_good,
              votes_completed, votes_not_completed, proposed_level, criticism)
            values (:meeting, :member, :excellent, :good, :completed, :notCompleted, :level, :criticism)""")
        .param("meeting", meetingId)
        .param("member", memberId)
        .param("excellent", entry.votesFor(Level.EXCELLENT))
        .param("good", entry.votesFor(Level.GOOD))
        .param("completed", entry.votesFor(Level.COMPLETED))
        .param("notCompleted", entry.votesFor(Level.NOT_COMPLETED))
        .param("level", entry.proposedLevel().name())
        .param("criticism", entry.criticism())
        .update();
  }
}
