package vn.party.evaluation.task;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.caps.LevelCapService;
import vn.party.evaluation.collective.CollectiveCapService;
import vn.party.evaluation.collective.CollectiveEvaluation;
import vn.party.evaluation.completion.Completions;
import vn.party.evaluation.completion.Submission;
import vn.party.evaluation.directory.MemberDirectory;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.ProcessVariables;
import vn.party.evaluation.process.validation.CollectiveCaps;
import vn.party.evaluation.process.validation.CompletionCheck;
import vn.party.evaluation.process.validation.CompletionJudgement;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.process.validation.LevelCaps;
import vn.party.evaluation.process.validation.SelfReviewRules;
import vn.party.evaluation.process.validation.TaskCompletionRules;
import vn.party.evaluation.rules.Regulation;
import vn.party.evaluation.rules.RuleBook;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.security.engine.OwnCaseRefusedException;
import vn.party.evaluation.security.engine.OwnCases;
import vn.party.evaluation.security.engine.PersonRefusedException;
import vn.party.evaluation.security.engine.SeatOnlyRefusedException;
import vn.party.evaluation.security.engine.TaskSeats;
import vn.party.evaluation.security.engine.VariableRefusedException;
import vn.party.evaluation.task.TaskApi.TaskView;
import vn.party.evaluation.task.flow.TaskEngine;
import vn.party.evaluation.task.flow.TaskEngine.EngineTask;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.FieldErrorProblems;
import vn.party.evaluation.web.FieldProblem;

/**
 * Work on tasks through the domain API. The engine runs as the signed-in user here, so its authorizations decide
 * who may see and work on which task; this class adds the form rules and clear refusals.
 */
@Service
public class TaskWork {

  private static final int MAX_TASKS = 500;

  private final TaskEngine engine;
  private final TaskMapper mapper;
  private final JdbcClient jdbc;
  private final TaskDrafts drafts;
  private final FieldErrorProblems fieldErrors;
  private final Completions completions;
  private final RuleBook rules;
  private final OwnCases ownCases;
  private final TaskSeats seats;
  private final LevelCapService memberCaps;
  private final CollectiveCapService collectiveCaps;
  private final MemberDirectory directory;

  public TaskWork(
      TaskEngine engine,
      TaskMapper mapper,
      JdbcClient jdbc,
      TaskDrafts drafts,
      FieldErrorProblems fieldErrors,
      Completions completions,
      RuleBook rules,
      OwnCases ownCases,
      TaskSeats seats,
      LevelCapService memberCaps,
      CollectiveCapService collectiveCaps,
      MemberDirectory directory) {
    this.directory = directory;
    this.memberCaps = memberCaps;
    this.collectiveCaps = collectiveCaps;
    this.ownCases = ownCases;
    this.seats = seats;
    this.rules = rules;
    this.engine = engine;
    this.mapper = mapper;
    this.jdbc = jdbc;
    this.drafts = drafts;
    this.fieldErrors = fieldErrors;
    this.completions = completions;
  }

  /**
   * A task with its form and the values to show: the saved draft if there is one, else what the process holds
   * (a case returned to the branch shows the branch's earlier proposal).
   */
  public TaskForm form(String taskId, CurrentUser user) {
    return form(taskId, user, false);
  }

  /**
   * {@link #form}, with what still blocks the submission of a kept draft ({@link TaskForm#draftWarnings}), by the
   * draft's own check: the page that opens the task shows them.
   */
  public TaskForm formAsOpened(String taskId, CurrentUser user) {
    return form(taskId, user, true);
  }

  private TaskForm form(String taskId, CurrentUser user, boolean withDraftWarnings) {
    // the form's engine calls in one engine command: the task, its links and variables read once
    // (issue 15; before: seven commands, each reading the task again)
    return engine.inOneCommand(
        () -> seats.readOnce(() -> formRead(taskId, user, withDraftWarnings)));
  }

  private TaskForm formRead(String taskId, CurrentUser user, boolean withDraftWarnings) {
    EngineTask task = visibleTask(refusingOwnCase(taskId, user), user);
    // a task's page only for whoever finds it in their list (issue 12, outsider's re-attack L1):
    // engine read rights the administrator granted are no seat; the answer for no task
    if (!listed(task, user)) {
      throw ApiException.forbidden();
    }
    OpenTask open = openTask(task);
    // the form as this case shows it: 02B items for a leader, points under a regulation that scores
    Map<String, Object> context =
        TaskCompletionRules.covers(task.taskKey())
            ? taskVariables(taskId, TaskCompletionRules.reads(task.taskKey()))
            : Map.of();
    List<TaskCompletionRules.FormField> fields =
        TaskCompletionRules.covers(task.taskKey())
            ? TaskCompletionRules.form(task.taskKey(), context)
            : List.of();
    Map<String, Object> values = new LinkedHashMap<>();
    if (!fields.isEmpty()) {
      engine
          .variables(taskId, fields.stream().map(TaskCompletionRules.FormField::name).toList())
          .forEach(
              (name, value) -> {
                if (value != null) {
                  values.put(name, value);
                }
              });
    }
    var draft = drafts.find(taskId);
    draft.ifPresent(saved -> values.putAll(saved.values()));
    boolean mayWork = mayWork(open, user);
    // a kept draft says, whenever it is opened, what still blocks its submission: the draft's own
    // check (outsider of session 14, finding 3: the warnings showed once, after "Lưu nháp")
    List<FieldProblem> draftWarnings =
        withDraftWarnings && draft.isPresent() && mayWork && !fields.isEmpty()
            ? draftWarnings(task, draft.get().values())
            : List.of();
    // the cap and why, as the Tasklist forms show it (set for each task of a member's evaluation)
    Map<String, Object> cap = engine.variables(taskId, List.of(LEVEL_CAP, LEVEL_CAP_REASON));
    return new TaskForm(
        mapper.toView(open, new Date()),
        fields,
        values,
        draft.map(d -> d.savedAt()).orElse(null),
        mayWork,
        (String) cap.get(LEVEL_CAP),
        (String) cap.get(LEVEL_CAP_REASON),
        outcome(task, context, values).orElse(null),
        ProcessKeys.SELF_REVIEW.equals(task.taskKey())
            ? SelfReviewRules.formOf(context).name()
            : null,
        draftWarnings);
  }

  /**
   * Why the task's level is capped, as a page in {@code locale} shows it (null: the task shows no cap): the stored
   * {@code levelCapReason} is Vietnamese, so a page in English rebuilds it from the caps of the member or the
   * collective the task is about. Read as the system: the caller shows the task to a user who may see it.
   */
  public String levelCapReason(String taskId, Locale locale) {
    List<String> names =
        new ArrayList<>(List.of(LEVEL_CAP, LEVEL_CAP_REASON, MEMBER_ID, COLLECTIVE_ID, YEAR));
    names.addAll(LevelCaps.INPUTS);
    names.addAll(CollectiveCaps.INPUTS);
    Map<String, Object> variables = engine.variablesAsSystem(taskId, names);
    return variables.get(COLLECTIVE_ID) != null
        ? collectiveCaps.explanation(variables, locale)
        : memberCaps.explanation(variables, locale);
  }

  /** What the member's grades and points give so far (self-review only; empty until section I is complete). */
  public Optional<SelfReviewRules.Outcome> outcome(
      EngineTask task, Map<String, Object> context, Map<String, Object> values) {
    if (!ProcessKeys.SELF_REVIEW.equals(task.taskKey())) {
      return Optional.empty();
    }
    Map<String, Object> all = new HashMap<>(context);
    all.putAll(values);
    // only a refused grade, points or task condition changes what they give: a text still to write
    // or a proposal still to choose (or above them) does not (outsider of session 14, finding 5: a
    // draft with every grade and points showed no total while the level was not chosen yet)
    // and nothing to tell before a grade or points is given (the submission's own reading of the
    // form
    // computes none: one outcome per submission, OneCompletionPathTest)
    boolean assessed =
        values.entrySet().stream()
            .anyMatch(
                entry ->
                    entry.getValue() != null && SelfReviewRules.assessmentField(entry.getKey()));
    return assessed
            && TaskCompletionRules.checkKeptByApplication(ProcessKeys.SELF_REVIEW, all).stream()
                .noneMatch(error -> SelfReviewRules.assessmentField(error.field()))
        ? SelfReviewRules.outcome(rules, all)
        : Optional.empty();
  }

  /** The regulation of a visible task's campaign (null when the task names none). */
  public Regulation regulationOf(String taskId) {
    visibleTask(taskId);
    Object code = engine.variableAsSystem(taskId, ProcessVariables.REGULATION);
    return code instanceof String name && !name.isBlank() ? Regulation.fromCode(name) : null;
  }

  /** The organization a task belongs to (a campaign task has no member), read as the user who may see it. */
  public String organizationOf(String taskId) {
    visibleTask(taskId);
    return (String) engine.variable(taskId, ORGANIZATION_ID);
  }

  /**
   * What a draft may hold though the submission would be refused: nothing required yet (nor a section's minimum
   * length), and the judgments of values that are each well formed — a level above the grades or the cap, a vote
   * that does not carry it, a missing reason. A refused draft lost everything typed (outsider of session 13, HIGH 1:
   * a self-proposed level above the grades); these are kept and said as warnings.
   */
  private static final Set<String> KEPT_IN_A_DRAFT =
      Set.of(
          FieldError.REQUIRED,
          FieldError.SECTION_TOO_SHORT,
          FieldError.ABOVE_OWN_ASSESSMENT,
          FieldError.ABOVE_CAP,
          FieldError.GROUP_TOTAL_TOO_HIGH,
          FieldError.MORE_VOTES_THAN_VOTERS,
          FieldError.VOTE_NOT_SUPPORTED,
          FieldError.ADJUSTMENT_REASON_REQUIRED,
          FieldError.OVER_QUOTA_REASON_REQUIRED);

  /**
   * Keeps the values without completing the task. Checked like a completion, but only a value that could never be
   * submitted as it is (a wrong level, an over-long text, a number that is no number) refuses the draft; what the
   * submission would still refuse of well-formed values ({@link #KEPT_IN_A_DRAFT}, nothing required yet) is kept and
   * returned as the warnings, so what is kept can later be corrected and submitted.
   */
  @Transactional
  public List<FieldProblem> saveDraft(String taskId, Map<String, Object> values, CurrentUser user) {
    lockTask(taskId);
    // in one engine command under the row lock, the seat read once, as a completion (issue 15)
    return engine.inOneCommand(() -> seats.readOnce(() -> saveDraftLocked(taskId, values, user)));
  }

  private List<FieldProblem> saveDraftLocked(
      String taskId, Map<String, Object> values, CurrentUser user) {
    EngineTask task = workableTask(taskId, user);
    List<FieldProblem> problems = draftWarnings(task, values);
    List<FieldProblem> refusing =
        problems.stream().filter(problem -> !KEPT_IN_A_DRAFT.contains(problem.reason())).toList();
    if (!refusing.isEmpty()) {
      throw ApiException.invalid(refusing);
    }
    drafts.save(openTask(task), values, user.userId());
    return problems;
  }

  /**
   * What blocks the submission of a draft's values: the submission's own check, every problem it finds — the
   * sections still required or too short too (outsider of session 14, finding 4: the draft said one thing to correct,
   * "Gửi" then five). One check for the draft when it is saved and whenever it is opened again.
   */
  private List<FieldProblem> draftWarnings(EngineTask task, Map<String, Object> values) {
    return check(task, values).problems();
  }

  @Transactional
  public void unclaim(String taskId, CurrentUser user) {
    // one engine command: the look-ups and the person's claim (judged by the guard) share it
    engine.inOneCommand(
        () -> {
          EngineTask task = visibleTask(refusingOwnCase(taskId, user));
          if (!user.userId().equals(task.assignee()) && !user.isAdmin()) {
            throw ApiException.forbidden();
          }
          // claim(id, null) gives the task back to its group: it needs the user's TASK_WORK, which
          // a committee member holds, where setAssignee needs TASK_ASSIGN, which only
          // administrators hold
          engine.claim(taskId, null);
          return null;
        });
  }

  /**
   * The open tasks the user may see. The engine's authorizations decide; for members and committees the query also
   * names their own tasks and their groups' tasks, so the database reads those rather than checking every open task
   * of the country against the user's authorizations (seconds at 100,000 open tasks, see bench/README.md).
   */
  public List<TaskView> visibleTasks(CurrentUser user) {
    Date now = new Date();
    // one engine command for the list: each task's variables and links are read with the task the
    // query found, not after reading it again by id
    return engine.inOneCommand(
        () ->
            engine
                .active(user.userId(), user.groups(), user.isAuditor() || user.isAdmin(), MAX_TASKS)
                .stream()
                .map(task -> mapper.toView(openTask(task), now))
                .toList());
  }

  @Transactional
  public void claim(String taskId, CurrentUser user) {
    // one engine command: the look-ups and the person's claim (judged by the guard) share it
    engine.inOneCommand(
        () -> {
          visibleTask(refusingOwnCase(taskId, user));
          engine.claim(taskId, user.userId());
          return null;
        });
  }

  /**
   * Completes the task through its kind's command ({@link Completions}): the rules once (a refusal above a cap
   * recorded once), the submission kept once, then the engine's completion, in which the record is written and the
   * events are emitted without checking again ({@link CompletionCheck}).
   */
  @Transactional
  public void complete(String taskId, Map<String, Object> values, CurrentUser user) {
    complete(taskId, values, user, () -> {});
  }

  /**
   * {@link #complete(String, Map, CurrentUser)}, with a caller's own check run once the rules passed and before
   * anything is kept (it refuses by throwing).
   */
  @Transactional
  public void complete(
      String taskId, Map<String, Object> values, CurrentUser user, Runnable whenValid) {
    lockTask(taskId);
    // the engine calls of the completion in one engine command, under the row lock: the task, its
    // execution, definition and variables read once, not once per call (issue 15); the guard still
    // judges each call as the person's. The seat is read once: asked before any value is judged (a
    // refusal is recorded only for a person holding a seat), and taken by the guard of the
    // completion
    engine.inOneCommand(
        () ->
            seats.readOnce(
                () -> {
                  completeLocked(taskId, values, user, whenValid);
                  return null;
                }));
  }

  private void completeLocked(
      String taskId, Map<String, Object> values, CurrentUser user, Runnable whenValid) {
    EngineTask task = workableTask(taskId, user);
    Checked checked = check(task, values);
    if (!checked.problems().isEmpty()) {
      completions.refused(
          checked.submission().by(user.userId()), checked.judgement().errors(), values);
      throw ApiException.invalid(checked.problems());
    }
    whenValid.run();
    Map<String, Object> kept =
        completions.keep(
            checked.submission().by(user.userId()), checked.judgement(), checked.context());
    Map<String, Object> engineValues = kept != null ? kept : values;
    // the person's completion carries only the form's fields, through the engine's one check of
    // every door (UserCommandGuard); what the application derived from the review is the
    // application's own write, in the same engine command
    List<String> fields = TaskCompletionRules.fields(task.taskKey());
    Map<String, Object> derived = new HashMap<>();
    Map<String, Object> submitted = new HashMap<>();
    engineValues.forEach(
        (name, value) -> (fields.contains(name) ? submitted : derived).put(name, value));
    try {
      CompletionCheck.checkedByApplication(
          taskId,
          () -> {
            engine.complete(taskId, submitted, derived);
            return null;
          });
    } catch (VariableRefusedException refused) {
      throw ApiException.invalid(fieldErrors.of(refused.errors()));
    }
    drafts.discard(taskId);
  }

  /**
   * What completing the task with these values is refused for, without completing it (empty: it would go through, as
   * far as the form's rules and caps tell), for a door that refuses what the person sent without completing anything
   * (the branch meeting, all its proposals or none; the decision page asking to confirm the quota). A refusal above a
   * cap is recorded, as a refused completion's is, so that auditors see it whichever door it came through.
   */
  public List<FieldProblem> refusing(String taskId, Map<String, Object> values, CurrentUser user) {
    // one engine command, the seat read once, as a completion's check (issue 15)
    return engine.inOneCommand(
        () ->
            seats.readOnce(
                () -> {
                  Checked checked = check(workableTask(taskId, user), values);
                  if (!checked.problems().isEmpty()) {
                    completions.refused(
                        checked.submission().by(user.userId()),
                        checked.judgement().errors(),
                        values);
                  }
                  return checked.problems();
                }));
  }

  /**
   * The task, if the user may see it and work on it: auditors read and change nothing, whatever they send — and are
   * told so, as engine REST tells them (ninth session's outsider, finding 7: the domain API said only "no
   * permission").
   */
  private EngineTask workableTask(String taskId, CurrentUser user) {
    EngineTask task = visibleTask(refusingOwnCase(taskId, user), user);
    if (user.isAuditor() && !user.isAdmin()) {
      throw new ApiException(
          HttpStatus.FORBIDDEN, PersonRefusedException.INSPECTION_KEY, List.of());
    }
    // a seat on the task before any value is judged or a refusal recorded (the engine refuses too)
    if (!seats.mayWork(taskId, user.userId(), user.groups())) {
      throw SeatOnlyRefusedException.notYours();
    }
    if (!TaskCompletionRules.covers(task.taskKey())) {
      throw ApiException.forbidden();
    }
    return task;
  }

  /**
   * What a check of submitted values found (the problems to answer with, the rules' judgement to keep the submission
   * with), the task's variables it read besides them, and the submission.
   */
  private record Checked(
      List<FieldProblem> problems,
      CompletionJudgement judgement,
      Map<String, Object> context,
      Submission submission) {}

  /**
   * The submitted values against the form's rules. The rules also read the task's regulation and the member's facts
   * (the level caps): the same check the engine makes, here to answer with the fields at fault. Evaluated once, by
   * the task kind's command ({@link Completions#evaluate}); a completion records its refusal there too.
   */
  private Checked check(EngineTask task, Map<String, Object> values) {
    String taskId = task.id();
    String taskKey = task.taskKey();
    List<FieldProblem> problems = new ArrayList<>();
    // Only the form's own fields: anything else could overwrite the process's variables (e.g. who
    // the member is).
    List<String> fields = TaskCompletionRules.fields(taskKey);
    problems.addAll(fieldErrors.of(TaskCompletionRules.unowned(taskKey, values.keySet())));
    Map<String, Object> context = taskVariables(taskId, TaskCompletionRules.reads(taskKey));
    Map<String, Object> checked = new HashMap<>(context);
    values.forEach(
        (name, value) -> {
          if (fields.contains(name)) {
            checked.put(name, value);
          }
        });
    // the application keeps what it is given here (the self-review's long texts in its own table),
    // so the longer limit
    Map<String, Object> submittedFields = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          if (fields.contains(name)) {
            submittedFields.put(name, value);
          }
        });
    // a member's evaluation, or a collective's rating (its timeline subject)
    String subject =
        context.get(MEMBER_ID) != null
            ? (String) context.get(MEMBER_ID)
            : CollectiveEvaluation.timelineSubject((String) context.get(COLLECTIVE_ID));
    Number year = (Number) context.get(YEAR);
    Submission submission =
        new Submission(
            taskId,
            taskKey,
            year == null ? 0 : year.intValue(),
            subject,
            null,
            submittedFields,
            context::get,
            true);
    CompletionJudgement judgement = completions.evaluate(submission, checked);
    problems.addAll(fieldErrors.of(judgement.errors()));
    return new Checked(problems, judgement, context, submission);
  }

  /** The task's current values of the given variables and who and which year it is about, read as the system. */
  private Map<String, Object> taskVariables(String taskId, List<String> names) {
    List<String> wanted = new ArrayList<>(names);
    wanted.addAll(List.of(MEMBER_ID, COLLECTIVE_ID, YEAR));
    return engine.variablesAsSystem(taskId, wanted);
  }

  /** The collective a visible task rates (a collective-evaluation's task), if it is one. */
  public Optional<String> collectiveOf(String taskId) {
    visibleTask(taskId);
    return Optional.ofNullable((String) engine.variable(taskId, COLLECTIVE_ID));
  }

  /**
   * Whether the task is in the user's list ({@link #visibleTasks}): every task for auditors and administrators, else
   * their own and their committees' (a seat on it, {@link TaskSeats}).
   */
  private boolean listed(EngineTask task, CurrentUser user) {
    return user.isAuditor()
        || user.isAdmin()
        || user.userId().equals(task.assignee())
        || seats.mayWork(task.id(), user.userId(), user.groups());
  }

  /** Whether the page should offer the buttons that change the task (the engine still checks on use). */
  private static boolean mayWork(OpenTask task, CurrentUser user) {
    if (user.isAuditor() && !user.isAdmin()) {
      return false;
    }
    // a seat, not the administrators' group (TaskSeats)
    return user.userId().equals(task.assignee())
        || task.assignee() == null
            && task.candidateGroup() != null
            && user.groups().contains(task.candidateGroup());
  }

  /**
   * Takes the task's row lock before anything else, so that two completions of the same task (two nodes, a double
   * click) run one after the other and the second finds no task (404). Without it the second read the first's
   * changes half-way through its own command and failed in arbitrary ways — the resilience test
   * TwoEvaluationNodesTest (local-stack) saw 500 "Unknown property used in expression: ${decision == 'RETURN'}" and
   * 403 on one's own task; the engine's optimistic locking still rolled it back, so nothing was completed twice.
   * (The engine's tables are found through the same search path as the engine's own statements.)
   */
  private void lockTask(String taskId) {
    jdbc.sql("select id_ from act_ru_task where id_ = :id for update")
        .param("id", taskId)
        .query(String.class)
        .optional();
  }

  /**
   * The task id, unless the task is about the user (nobody decides their own case, see {@link OwnCases}): then the
   * 403 for a task they may not see, which it is (an administrator, who sees every task, gets the reason); for an
   * administrator, 404 when there is no such task.
   */
  private String refusingOwnCase(String taskId, CurrentUser user) {
    if (ownCases.about(taskId, user.userId())) {
      // they may not see it: the answer for no task (issue 12, outsider's re-attack L3), unless
      // they see every task
      throw user.isAdmin()
          ? new ApiException(HttpStatus.FORBIDDEN, OwnCaseRefusedException.MESSAGE_KEY, List.of())
          : ApiException.forbidden();
    }
    // only an administrator, who sees every task, learns with a 404 that there is none
    if (user.isAdmin() && !engine.existsForSystem(taskId)) {
      throw ApiException.notFound("error.task.not-found", taskId);
    }
    return taskId;
  }

  /**
   * The task if the user may see it. Otherwise one answer, 403, whether it is someone else's or there is none: a 404
   * for an unknown id told an outsider which ids were real tasks (issue 12, outsiders' recheck); the administrator's
   * 404 is answered before ({@link #refusingOwnCase}).
   */
  private EngineTask visibleTask(String taskId) {
    return engine.visible(taskId).orElseThrow(ApiException::forbidden);
  }

  /**
   * {@link #visibleTask} for a command on the task: a task the user completed themselves is answered 409 "already
   * submitted", not 403 — the loser of a double submission was told they had no right to their own task (ninth
   * session's outsider, finding 6). Nothing is told that the user does not know: they did it.
   */
  private EngineTask visibleTask(String taskId, CurrentUser user) {
    Optional<EngineTask> task = engine.visible(taskId);
    if (task.isEmpty() && engine.completedBy(taskId, user.userId())) {
      throw ApiException.conflict("error.task.already-completed");
    }
    return task.orElseThrow(ApiException::forbidden);
  }

  private OpenTask openTask(EngineTask task) {
    Map<String, Object> variables =
        engine.variables(
            task.id(), List.of(MEMBER_ID, MEMBER_NAME, YEAR, COLLECTIVE_NAME, ORGANIZATION_ID));
    // a collective's rating has no member: the list shows the collective's name in its place
    Object name =
        variables.get(MEMBER_NAME) != null
            ? variables.get(MEMBER_NAME)
            : variables.get(COLLECTIVE_NAME);
    String candidateGroup = engine.candidateGroup(task.id());
    return new OpenTask(
        task.id(),
        task.taskKey(),
        task.name(),
        (String) variables.get(MEMBER_ID),
        (String) name,
        (Integer) variables.get(YEAR),
        task.assignee(),
        candidateGroup,
        task.created(),
        task.due(),
        task.processInstanceId(),
        subjectName(variables));
  }

  /** A committee's task about no single member names its subject, as the task.assigned event does. */
  private String subjectName(Map<String, Object> variables) {
    if (variables.get(MEMBER_ID) != null) {
      return null;
    }
    if (variables.get(COLLECTIVE_NAME) instanceof String collective) {
      return collective;
    }
    return variables.get(ORGANIZATION_ID) instanceof String organization
        ? directory.organizationName(organization).orElse(organization)
        : null;
  }
}
