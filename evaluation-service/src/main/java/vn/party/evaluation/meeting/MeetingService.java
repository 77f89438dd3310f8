package vn.party.evaluation.meeting;

import static vn.party.evaluation.process.ProcessVariables.BRANCH_COMMENT;
import static vn.party.evaluation.process.ProcessVariables.BRANCH_PROPOSED_LEVEL;
import static vn.party.evaluation.process.ProcessVariables.ELIGIBLE_VOTERS;
import static vn.party.evaluation.process.ProcessVariables.LEVEL_CAP;
import static vn.party.evaluation.process.ProcessVariables.LEVEL_CAP_REASON;
import static vn.party.evaluation.process.ProcessVariables.MEMBER_ID;
import static vn.party.evaluation.process.ProcessVariables.MEMBER_NAME;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.caps.CapExplanation;
import vn.party.evaluation.meeting.flow.BranchReviewTasks;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.ProcessVariables;
import vn.party.evaluation.process.TextLimits;
import vn.party.evaluation.process.validation.BranchVote;
import vn.party.evaluation.record.EvaluationRecord;
import vn.party.evaluation.record.EvaluationRecords;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.task.TaskWork;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.FieldProblem;

/**
 * The branch's review meeting in one sitting: checks the whole record first (attendance, every member's votes
 * against the configured vote rule, every proposal against the form's rules and caps), then writes the minutes and
 * completes each member's branch review, all in one transaction: a meeting is recorded whole or not at all.
 */
@Service
public class MeetingService {

  static final int MAX_MEMBERS = 1000;

  private final BranchReviewTasks tasks;
  private final EvaluationRecords records;
  private final TaskWork work;
  private final BranchMeetings meetings;
  private final Timeline timeline;
  private final MeetingProblems words;
  private final BranchPeople people;

  public MeetingService(
      BranchReviewTasks tasks,
      TaskWork work,
      BranchMeetings meetings,
      Timeline timeline,
      EvaluationRecords records,
      MeetingProblems words,
      BranchPeople people) {
    this.words = words;
    this.people = people;
    this.records = records;
    this.tasks = tasks;
    this.work = work;
    this.meetings = meetings;
    this.timeline = timeline;
  }

  /** The years in which the branch has open branch reviews, newest first. */
  public List<Integer> openYears(String branchId, CurrentUser user) {
    allowed(branchId, user);
    TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
    openReviews(branchId, null)
        .forEach(
            taskId ->
                years.add(
                    Integer.parseInt(tasks.variable(taskId, ProcessVariables.YEAR).toString())));
    return new ArrayList<>(years);
  }

  public List<AgendaItem> agenda(String branchId, int year, CurrentUser user) {
    allowed(branchId, user);
    List<AgendaItem> items = new ArrayList<>();
    for (String taskId : openReviews(branchId, year)) {
      Map<String, Object> v =
          tasks.variables(taskId, List.of(MEMBER_ID, MEMBER_NAME, LEVEL_CAP, LEVEL_CAP_REASON));
      String memberId = (String) v.get(MEMBER_ID);
      // the self-proposed level as the record keeps it (its one place, see README "One place of
      // truth")
      String selfProposed =
          records.find(year, memberId).map(EvaluationRecord::selfProposedLevel).orElse(null);
      items.add(
          new AgendaItem(
              taskId,
              memberId,
              (String) v.get(MEMBER_NAME),
              selfProposed,
              (String) v.get(LEVEL_CAP),
              (String) v.get(LEVEL_CAP_REASON)));
    }
    items.sort(
        Comparator.comparing(
            AgendaItem::memberName, Collator.getInstance(Locale.forLanguageTag("vi"))));
    return items;
  }

  /**
   * The agenda as a page in {@code locale} shows it: each cap's reason as stored (Vietnamese) on a Vietnamese page,
   * rebuilt from the member's caps on an English one.
   */
  public List<AgendaItem> agenda(String branchId, int year, CurrentUser user, Locale locale) {
    List<AgendaItem> items = agenda(branchId, year, user);
    if (!CapExplanation.rebuiltIn(locale)) {
      return items;
    }
    return items.stream()
        .map(
            item ->
                item.levelCapReason() == null
                    ? item
                    : new AgendaItem(
                        item.taskId(),
                        item.memberId(),
                        item.memberName(),
                        item.selfProposedLevel(),
                        item.levelCap(),
                        work.levelCapReason(item.taskId(), locale)))
        .toList();
  }

  /** The members on the agenda by their branch review's task id. */
  static Map<String, String> memberNames(List<AgendaItem> agenda) {
    Map<String, String> names = new LinkedHashMap<>();
    agenda.forEach(item -> names.put(item.taskId(), item.memberName()));
    return names;
  }

  /** The members on the branch's agenda by their branch review's task id (to name them in a refusal). */
  public Map<String, String> memberNames(String branchId, int year, CurrentUser user) {
    return memberNames(agenda(branchId, year, user));
  }

  /** @return the meeting's id; refused (nothing written) with every problem found, per field */
  @Transactional
  public UUID record(String branchId, int year, Meeting meeting, CurrentUser user) {
    List<AgendaItem> agenda = agenda(branchId, year, user);
    Map<String, AgendaItem> byTask = new LinkedHashMap<>();
    agenda.forEach(item -> byTask.put(item.taskId(), item));
    List<FieldProblem> problems = new ArrayList<>(attendanceProblems(meeting));
    List<BranchPeople.Person> branchPeople = people.of(branchId);
    String chair = chair(meeting, branchPeople, problems);
    String clerk = clerk(meeting, branchPeople, user, problems);
    boolean attendanceValid = problems.isEmpty();
    boolean anyProposal = false;
    for (Meeting.Entry entry : meeting.entries()) {
      AgendaItem item = byTask.get(entry.taskId());
      String prefix = "entries[" + entry.taskId() + "].";
      if (item == null) {
        problems.add(new FieldProblem(prefix + "taskId", "unknown", null));
        continue;
      }
      if (entry.proposedLevel() == null) {
        continue;
      }
      anyProposal = true;
      List<FieldProblem> entryProblems = entryProblems(prefix, meeting, entry);
      problems.addAll(entryProblems);
      if (attendanceValid && entryProblems.isEmpty()) {
        // the form's rules, the caps and the vote rule: the completion rules, as on every other
        // door
        // the voters are the meeting's attendance, not a field of the entry: their refusal concerns
        // the entry's votes
        work.refusing(entry.taskId(), completion(meeting, entry), user)
            .forEach(
                problem ->
                    problems.add(
                        new FieldProblem(
                            prefix + entryField(problem.field()),
                            problem.reason(),
                            problem.message())));
      }
    }
    if (!anyProposal && problems.isEmpty()) {
      problems.add(new FieldProblem("entries", "required", null));
    }
    if (!problems.isEmpty()) {
      // in words: the member by name, the field by its label (no path, no task id)
      throw words.refusal(problems, memberNames(agenda));
    }
    UUID id = meetings.save(branchId, year, meeting, chair, clerk);
    for (Meeting.Entry entry : meeting.entries()) {
      if (entry.proposedLevel() == null) {
        continue;
      }
      AgendaItem item = byTask.get(entry.taskId());
      meetings.saveVote(id, item.memberId(), entry);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("meetingId", id.toString());
      details.put("heldOn", meeting.heldOn().toString());
      details.put("place", meeting.place());
      details.put("present", meeting.present() + "/" + meeting.officialMembers());
      putIfNotNull(details, "chair", chair);
      details.put("clerk", clerk);
      entry.votes().forEach((level, n) -> details.put("votes" + level.name(), n));
      timeline.record(
          year,
          item.memberId(),
          TimelineKind.BRANCH_MEETING,
          ProcessKeys.BRANCH_REVIEW,
          entry.taskId(),
          user.userId(),
          details);
      if (tasks.unassigned(entry.taskId())) {
        work.claim(entry.taskId(), user);
      }
      work.complete(entry.taskId(), completion(meeting, entry), user);
    }
    return id;
  }

  /**
   * Who chaired: the member picked, else the branch's secretary; refused when not of the branch or listed absent (the
   * minutes would name an absent chair, who signs them). Null when the branch has no secretary and none was picked.
   */
  private static String chair(
      Meeting meeting, List<BranchPeople.Person> branch, List<FieldProblem> problems) {
    var chair =
        meeting.chairId() == null
            ? BranchPeople.secretary(branch)
            : BranchPeople.find(branch, meeting.chairId());
    if (meeting.chairId() != null && chair.isEmpty()) {
      problems.add(new FieldProblem("chairId", "unknown", null));
      return null;
    }
    if (chair.isPresent()
        && BranchPeople.listedAbsent(meeting.absentNames(), chair.get(), branch)) {
      problems.add(new FieldProblem("chairId", "chair-absent", null));
    }
    return chair.map(BranchPeople.Person::id).orElse(null);
  }

  /**
   * Who took the minutes: the member picked, else the signed-in user; refused, as the chair is, when the attendance
   * lists them as absent (the clerk signs the minutes too).
   */
  private static String clerk(
      Meeting meeting,
      List<BranchPeople.Person> branch,
      CurrentUser user,
      List<FieldProblem> problems) {
    String clerk = meeting.clerkId() == null ? user.userId() : meeting.clerkId();
    var person = BranchPeople.find(branch, clerk);
    if (meeting.clerkId() != null && person.isEmpty()) {
      problems.add(new FieldProblem("clerkId", "unknown", null));
    }
    if (person.isPresent()
        && BranchPeople.listedAbsent(meeting.absentNames(), person.get(), branch)) {
      problems.add(new FieldProblem("clerkId", "clerk-absent", null));
    }
    return clerk;
  }

  private static void putIfNotNull(Map<String, Object> details, String name, String value) {
    if (value != null) {
      details.put(name, value);
    }
  }

  /**
   * The meeting's name of a branch-review field the completion rules refused: the entry's votes for the voters (the
   * attendance, not a field of the entry), its {@code criticism} for the review's comment — what the caller sent.
   */
  private static String entryField(String reviewField) {
    if (ELIGIBLE_VOTERS.equals(reviewField)) {
      return "votes";
    }
    return BRANCH_COMMENT.equals(reviewField) ? "criticism" : reviewField;
  }

  /** The member's branch review: the proposal, the meeting's vote on it (against the eligible voters), the criticism. */
  private static Map<String, Object> completion(Meeting meeting, Meeting.Entry entry) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(BRANCH_PROPOSED_LEVEL, entry.proposedLevel().name());
    Map<Level, Integer> votes = new EnumMap<>(Level.class);
    for (Level level : Level.values()) {
      votes.put(level, entry.votesFor(level));
    }
    values.putAll(
        BranchVote.variables(meeting.officialMembers() - meeting.exemptedMembers(), votes));
    if (entry.criticism() != null && !entry.criticism().isBlank()) {
      values.put(BRANCH_COMMENT, entry.criticism());
    }
    return values;
  }

  private List<FieldProblem> attendanceProblems(Meeting meeting) {
    List<FieldProblem> problems = new ArrayList<>();
    if (meeting.heldOn() == null) {
      problems.add(new FieldProblem("heldOn", "required", null));
    } else if (meeting.heldOn().isAfter(LocalDate.now().plusDays(1))) {
      problems.add(new FieldProblem("heldOn", "out-of-range", null));
    }
    if (meeting.place() == null || meeting.place().isBlank()) {
      problems.add(new FieldProblem("place", "required", null));
    } else if (meeting.place().length() > TextLimits.NAME) {
      problems.add(
          new FieldProblem("place", "too-long", null, Arrays.asList(null, (long) TextLimits.NAME)));
    }
    if (meeting.officialMembers() == null) {
      problems.add(new FieldProblem("officialMembers", "required", null));
    } else if (meeting.officialMembers() < 1 || meeting.officialMembers() > MAX_MEMBERS) {
      problems.add(FieldProblem.outOfRange("officialMembers", 1, MAX_MEMBERS));
    }
    int official = meeting.officialMembers() == null ? MAX_MEMBERS : meeting.officialMembers();
    if (meeting.exemptedMembers() == null) {
      problems.add(new FieldProblem("exemptedMembers", "required", null));
    } else if (meeting.exemptedMembers() < 0 || meeting.exemptedMembers() > official) {
      problems.add(FieldProblem.outOfRange("exemptedMembers", 0, official));
    } else if (meeting.exemptedMembers() == official) {
      // the vote counts against the members entitled to vote: with none, no proposal can be carried
      problems.add(new FieldProblem("exemptedMembers", "no-eligible-voters", null));
    }
    if (meeting.present() == null) {
      problems.add(new FieldProblem("present", "required", null));
    } else if (meeting.present() < 0 || meeting.present() > official) {
      problems.add(FieldProblem.outOfRange("present", 0, official));
    }
    if (meeting.absentNames() != null && meeting.absentNames().length() > TextLimits.FORM_TEXT) {
      problems.add(
          new FieldProblem(
              "absentNames", "too-long", null, Arrays.asList(null, (long) TextLimits.FORM_TEXT)));
    }
    return problems;
  }

  /** What only the meeting knows: no more votes than members present (the completion rules check the rest). */
  private List<FieldProblem> entryProblems(String prefix, Meeting meeting, Meeting.Entry entry) {
    List<FieldProblem> problems = new ArrayList<>();
    int present = meeting.present() == null ? 0 : meeting.present();
    for (Level level : Level.values()) {
      int n = entry.votesFor(level);
      if (n < 0 || n > present) {
        problems.add(new FieldProblem(prefix + "votes" + level.name(), "out-of-range", null));
      }
    }
    if (entry.totalVotes() > present) {
      problems.add(new FieldProblem(prefix + "votes", "more-votes-than-present", null));
    }
    return problems;
  }

  private List<String> openReviews(String branchId, Integer year) {
    return tasks.openReviews(branchId, year, MAX_MEMBERS);
  }

  /** The branch's committee (or an administrator) only: checked before a body is even read. */
  static void allowed(String branchId, CurrentUser user) {
    if (!user.isAdmin() && !user.inBranchCommittee(branchId)) {
      throw ApiException.forbidden();
    }
  }
}
