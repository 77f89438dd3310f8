package vn.party.evaluation.decision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineEntry;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.directory.People;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.ProcessVariables;
import vn.party.evaluation.record.EvaluationRecord;
import vn.party.evaluation.rules.Level;

/**
 * What a deciding page shows of a member's case beside the form: the branch's proposal with its vote and the minutes
 * of the meeting that made it (the grassroots committee's decision), and the committee's reason when it returned the
 * case (the branch's review, the meeting). Read from the record, the timeline and the meeting tables, never from what
 * a caller sends.
 */
@Component
public class CaseFacts {

  /** The timeline's name of each level's vote count (the branch review's completion values). */
  private static final Map<Level, String> VOTES =
      Map.of(
          Level.EXCELLENT,
          ProcessVariables.VOTES_EXCELLENT,
          Level.GOOD,
          ProcessVariables.VOTES_GOOD,
          Level.COMPLETED,
          ProcessVariables.VOTES_COMPLETED,
          Level.NOT_COMPLETED,
          ProcessVariables.VOTES_NOT_COMPLETED);

  private final Timeline timeline;
  private final JdbcClient jdbc;
  private final People people;

  public CaseFacts(Timeline timeline, JdbcClient jdbc, People people) {
    this.timeline = timeline;
    this.jdbc = jdbc;
    this.people = people;
  }

  /** The minutes of the branch meeting that voted on the member, and what it said of them. */
  public record Minutes(
      LocalDate heldOn,
      String place,
      int officialMembers,
      int exemptedMembers,
      int present,
      String absentNames,
      String recordedBy,
      String criticism) {

    /** The same minutes with the recorder as people read them (the table keeps the account). */
    private Minutes withRecorder(String recorder) {
      return new Minutes(
          heldOn,
          place,
          officialMembers,
          exemptedMembers,
          present,
          absentNames,
          recorder,
          criticism);
    }
  }

  /**
   * The branch's proposal.
   *
   * @param eligibleVoters null when the proposal came without a tally
   * @param votes per level, in the levels' order; empty without a tally
   * @param minutes empty when no meeting was recorded for it (the API or Tasklist)
   */
  public record Proposal(
      String level,
      String comment,
      Integer eligibleVoters,
      Map<Level, Integer> votes,
      Optional<Minutes> minutes) {}

  /** A return by the committee that is still open: the branch has not proposed again since. */
  public record Returned(OffsetDateTime at, String by, String reason) {}

  public Optional<Proposal> proposal(EvaluationRecord record) {
    if (record.branchProposedLevel() == null) {
      return Optional.empty();
    }
    List<TimelineEntry> entries = timeline.of(record.year(), record.memberId());
    Integer voters = null;
    Map<Level, Integer> votes = new EnumMap<>(Level.class);
    for (TimelineEntry entry :
        entries) { // the latest branch review (a returned case is reviewed again)
      if (entry.kind() == TimelineKind.TASK_COMPLETED
          && ProcessKeys.BRANCH_REVIEW.equals(entry.taskKey())) {
        votes.clear();
        voters =
            entry.details().get(ProcessVariables.ELIGIBLE_VOTERS) instanceof Number n
                ? n.intValue()
                : null;
        for (Level level : Level.values()) {
          if (entry.details().get(VOTES.get(level)) instanceof Number n) {
            votes.put(level, n.intValue());
          }
        }
      }
    }
    return Optional.of(
        new Proposal(
            record.branchProposedLevel(),
            record.branchComment(),
            voters,
            votes,
            minutes(record.year(), record.memberId())));
  }

  private Optional<Minutes> minutes(int year, String memberId) {
    return jdbc.sql(
            """
            select m.held_on, m.place, m.official_members, m.exempted_members, m.present, m.absent_names,
                   m.recorded_by, v.criticism
            from evaluation.branch_meeting m join evaluation.branch_meeting_vote v on v.meeting_id = m.id
            where m.year = :year and v.member_id = :member order by m.recorded_at desc limit 1""")
        .param("year", year)
        .param("member", memberId)
        .query(Minutes.class)
        .optional()
        .map(row -> row.withRecorder(people.displayName(row.recordedBy())));
  }

  /** The committee's last return, if the branch has not proposed again since. */
  public Optional<Returned> openReturn(int year, String memberId) {
    Returned open = null;
    for (TimelineEntry entry : timeline.of(year, memberId)) {
      if (entry.kind() == TimelineKind.CASE_RETURNED) {
        open =
            new Returned(
                entry.occurredAt(),
                people.displayName(entry.actor()),
                String.valueOf(entry.details().getOrDefault("reason", "")));
      } else if (entry.kind() == TimelineKind.TASK_COMPLETED
          && ProcessKeys.BRANCH_REVIEW.equals(entry.taskKey())) {
        open = null;
      }
    }
    return Optional.ofNullable(open);
  }
}
