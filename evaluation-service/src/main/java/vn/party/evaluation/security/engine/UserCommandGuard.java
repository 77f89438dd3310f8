package vn.party.evaluation.security.engine;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.ProcessVariables;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.process.validation.TaskCompletionRules;

/**
 * The engine's own check of every variable a person writes, whatever the door: a person (the engine's current
 * authentication is set — the engine REST API, the webapps and the domain API run as the signed-in user) writes
 * variables only by completing, submitting or resolving a task, and only the variables that task's form owns; each
 * value is judged by the form's rules. Any other variable write by a person (a task's or an execution's variables,
 * local or not, a modification, a start, a message, a signal…) is refused, naming the variables.
 *
 * <p>Why here and not at URLs: the same command is reachable at {@code /engine-rest/task/{id}/complete}, {@code
 * /engine-rest/engine/default/task/{id}/complete}, {@code /camunda/api/engine/engine/default/...}, as {@code
 * submit-form} or {@code resolve}, and from Java; a URL filter missed the named-engine form and a member re-routed
 * their own evaluation to themselves (issue 12).
 *
 * <p>Only the outermost command is judged: a command run by the process itself inside a person's command (a delegate
 * correlating a message, a listener setting a figure) is the application at work. The application's own calls run
 * without an authentication ({@code SystemAccess}) and are not judged either. A domain API request runs its engine
 * calls in one context ({@link PersonsRequest}): each call it makes directly is judged as an outermost command.
 *
 * <p>Here each value sent is judged by the form's rules on its own; the completion listener the process declares
 * ({@code TaskCompletionValidator}) then judges the whole form with the caps and what is required. {@code resolve}
 * meets no listener, so for it this is the only check.
 *
 * <p>Recusal ({@link OwnCases}): before anything else, a person may not claim, be handed (assignee, owner, delegate,
 * candidate), complete, submit, resolve or throw from a task about themselves — their own branch review, committee
 * decision, re-rating or re-appraisal — whatever group they sit in: 403. They may not see the task either, so the
 * answer is the one for a task that does not exist ({@link SeatOnlyRefusedException#notYours()}); an administrator,
 * who sees every task, and whoever hands the task to its subject are told why ({@link OwnCaseRefusedException}).
 *
 * <p>Seats ({@link TaskSeats}): a task of the application's processes is claimed, completed, submitted, resolved,
 * delegated, handed or changed only by a person holding a seat on it (one of its
 * candidate groups; for a task without any, the assignee the process set), and handed only to a user holding one;
 * engine authorizations (granted with {@code POST /engine-rest/authorization/create}, say) and {@code camunda-admin}
 * are no seat: 403, {@link SeatOnlyRefusedException}. An unknown task gets the same answer. Comments and attachments
 * are no one's: a seat holder is told so ({@link PersonRefusedException#notes()}), anyone else as above.
 *
 * <p>Process control ({@link ProcessControlCommands}): no person, the administrator included, modifies, starts,
 * restarts, migrates, signals, suspends or deletes a process of the evaluation, deploys over it, runs its timers
 * before they are due or moves their due dates, shortens how long its history is kept, or deletes its history: 403,
 * {@link PersonRefusedException#processControl()}.
 *
 * <p>Outsider's re-attack of 2026-12-07 (sixth session, from the engine's command list): no person sets a task's
 * parent or changes what the process set on its task ({@link TaskFields}). The accounts, groups, authorizations and
 * filters are kept by {@link IdentityRules}, one named rule each; a removal that could empty {@code camunda-admin} or
 * {@code auditors} is judged with the removal itself, under a lock ({@link BuiltInGroups#lastMemberKept}).
 */
public class UserCommandGuard extends CommandInterceptor {

  private final ProcessEngineConfigurationImpl configuration;
  private final EngineLookups engine;
  private final IdentityRules identityRules;

  public UserCommandGuard(ProcessEngineConfigurationImpl configuration, ApplicationPeople people) {
    this.configuration = configuration;
    this.engine = new EngineLookups(configuration);
    this.identityRules = new IdentityRules(people, engine);
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() == null) {
      // a request's one context is no person's command: what the application runs inside it is
      return command instanceof PersonsRequest<?> ? next.execute(command) : judged(command, null);
    }
    // inside a person's request (PersonsRequest) the application's calls share one context: each
    // is judged as if it came through a door on its own; what they run themselves is not
    PersonsRequest<?> request = PersonsRequest.running();
    return request == null ? next.execute(command) : judged(command, request);
  }

  /** The command judged, then run ({@code request}: the person's request it runs inside, or null). */
  private <T> T judged(Command<T> command, PersonsRequest<?> request) {
    // the application's completion with what it derived: the person's completion is what is judged
    Command<?> judged =
        command instanceof CompletionWithDerivedValues withDerived
            ? withDerived.personsCompletion()
            : command;
    Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
    String person = authentication == null ? null : authentication.getUserId();
    if (person != null && refusedJobsListener(judged)) {
      // the engine's listener after a job it refused to run for this person (a timer not yet
      // due): the job never ran, so it neither fails nor loses a retry (three tries would make an
      // incident of a timer waiting for its time)
      return null;
    }
    if (person != null) {
      // what does not fit the engine's columns, its id pattern or its password policy: 400
      IdentityLengths.check(judged, configuration);
      identityRules.check(judged, person, groupsOf(authentication));
      check(judged, person, groupsOf(authentication));
      if (BuiltInGroups.removesKeptMember(judged)) {
        // the last member of camunda-admin or auditors: judged with the removal, in one
        // transaction under a lock every node takes (two removals at once emptied the group)
        return removeKeepingLastMember(command, request);
      }
    }
    // one length per text at every door: a long text the form takes (the self-review's, up to
    // TextLimits.SELF_REVIEW_LONG_TEXT) goes to the engine as what fits, whole to the domain table
    // (WholeTexts)
    CommandWrites.Cut cut = CommandWrites.cutLongTexts(judged, this::taskKey);
    if (cut == null) {
      return proceed(command, request);
    }
    WholeTexts.set(cut.taskId(), cut.whole());
    try {
      return proceed(command, request);
    } finally {
      WholeTexts.clear();
    }
  }

  /** Runs a command that passed: inside a person's request, with its failure noted there. */
  private <T> T proceed(Command<T> command, PersonsRequest<?> request) {
    return request == null ? next.execute(command) : request.inside(() -> next.execute(command));
  }

  /**
   * The removal run with its check ({@link BuiltInGroups#lastMemberKept}); a refusal is answered here, after the
   * command's transaction has ended, so that the engine does not log a refused removal as its own failure.
   */
  private <T> T removeKeepingLastMember(Command<T> command, PersonsRequest<?> request) {
    BuiltInGroups.Removal<T> removal = proceed(BuiltInGroups.lastMemberKept(command), request);
    if (removal.keptGroup() != null) {
      throw PersonRefusedException.builtInGroup(removal.keptGroup());
    }
    return removal.result();
  }

  /** The engine's failed-job listener after this guard refused to run the job ({@link ProcessControlCommands}). */
  private static boolean refusedJobsListener(Command<?> command) {
    if (!(command instanceof FailedJobListener)
        || !(CommandWrites.fieldOf(command, "jobFailureCollector")
            instanceof JobFailureCollector collector)) {
      return false;
    }
    for (Throwable t = collector.getFailure();
        t != null;
        t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JobRunRefusedException || t instanceof PersonRefusedException) {
        return true;
      }
    }
    return false;
  }

  /** The task's definition key, or null: no such task. */
  private String taskKey(String taskId) {
    TaskFacts task = facts(taskId);
    return task == null ? null : task.taskKey();
  }

  private static List<String> groupsOf(Authentication authentication) {
    return authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
  }

  /**
   * The inspection committee reads and changes nothing: a user in the {@code auditors} group (whatever other groups
   * they hold), or one whose only committee groups are inspection committees', gives no task command — except, for a
   * member, their own self-review, which is theirs as a member — and writes no variable outside a task's form: 403
   * before the variables are judged (a 400 naming them would answer a write that was never theirs to make).
   */
  private static boolean inspectsOnly(List<String> groups) {
    if (groups.contains(Groups.AUDITORS)) {
      return true;
    }
    return groups.stream().anyMatch(g -> Groups.organizationOfInspection(g).isPresent())
        && groups.stream().noneMatch(Groups::decides);
  }

  private void check(Command<?> command, String person, List<String> groups) {
    CommandWrites.TaskAction action = CommandWrites.actionOf(command);
    CommandWrites.Write write = CommandWrites.of(command);
    if (write != null && write.taskId() == null) {
      if (inspectsOnly(groups)) {
        // the inspection committee changes nothing: told so before anything is said of the
        // variables sent (eighth session's outsider, LOW 5: 400 unknown-field for an existing one)
        throw PersonRefusedException.inspection();
      }
      // outside a task's completion: no variable at all, a form's field included; told as such
      // (a form's field named "not a field of this form" misled the outside tester, MEDIUM 5)
      throw new VariableRefusedException(
          write.values().keySet().stream()
              .sorted()
              .map(name -> new FieldError(name, FieldError.WRITTEN_BY_COMPLETION_ONLY))
              .toList());
    }
    // after the variables (a foreign variable is named with a 400 at every door), before whether
    // the process
    // exists (one answer for a real one and for none)
    if (ProcessControlCommands.refused(command, configuration.getCommandExecutorTxRequired())) {
      // running a job: the engine REST API's job resource passes on only an authorization
      // refusal as it is (JobRunRefusedException)
      throw command instanceof ExecuteJobsCmd
          ? new JobRunRefusedException()
          : PersonRefusedException.processControl();
    }
    if (JobRetries.stalls(command) || createsTask(command)) {
      throw PersonRefusedException.processControl();
    }
    checkUnknownReads(command);
    if (action == null && write == null) {
      return;
    }
    TaskFacts task = facts(action != null ? action.taskId() : write.taskId());
    if (task == null) {
      // no such task: the same answer as a task one holds no seat on (no oracle)
      throw SeatOnlyRefusedException.notYours();
    }
    if (inspectsOnly(groups)
        && !(action != null && action.givesBack())
        && !ownSelfReview(task, person, groups)) {
      throw PersonRefusedException.inspection();
    }
    if (action != null && ownCase(action, person, task.subjects())) {
      if (!task.subjects().contains(person)) {
        throw OwnCaseRefusedException.handedToSubject();
      }
      // the member it is about may not see the task (OwnCaseAuthorizations): the answer for no
      // task, which tells them nothing of it (issue 12, outsider's re-attack L3); only an
      // administrator, who sees every task, is told why
      throw groups.contains(Groups.ADMINS)
          ? new OwnCaseRefusedException()
          : SeatOnlyRefusedException.notYours();
    }
    if (action != null && task.seats().application()) {
      checkSeat(action, person, groups, task.seats());
      if (action.kind() == CommandWrites.Kind.NOTE) {
        // a seat holder is told why (issue 12, outsider's re-attack L3: the engine REST API said
        // "No task found" on their own task); anyone else got the answer for no task above
        throw PersonRefusedException.notes();
      }
    }
    if (TaskFields.refused(command, configuration.getCommandExecutorTxRequired())) {
      throw PersonRefusedException.processControl();
    }
    if (write == null) {
      return;
    }
    String taskKey = task.taskKey();
    List<FieldError> errors = TaskCompletionRules.unowned(taskKey, write.values().keySet());
    if (errors.isEmpty()) {
      // a transient value would reach the listeners (and the domain record) but not the engine's
      // variables and history: whatever a person sends is kept (outsider's fifth session, finding
      // 6)
      errors =
          write.transients().stream()
              .map(name -> new FieldError(name, FieldError.TRANSIENT_NOT_ALLOWED))
              .toList();
    }
    if (errors.isEmpty()) {
      // each value sent, by the form's rules, before the engine stores or deserializes anything (a
      // value of a type
      // the form does not take, e.g. a serialized object, never reaches the process)
      errors = TaskCompletionRules.checkSent(taskKey, write.values());
    }
    if (!errors.isEmpty()) {
      throw new VariableRefusedException(errors);
    }
  }

  /**
   * Seats ({@link TaskSeats}), judged before any variable (a refusal says nothing of what was sent): only a person
   * holding a seat on the task works on it, whatever engine authorizations or the administrators' group say; a task is
   * handed only to a user holding a seat on it; its candidate groups and other links are the process's. Giving back a
   * task one holds stays possible.
   */
  private void checkSeat(
      CommandWrites.TaskAction action, String person, List<String> groups, TaskSeats.Seats seats) {
    switch (action.kind()) {
      case LINK -> throw SeatOnlyRefusedException.notYours();
      case GIVE_BACK -> {
        if (!person.equals(seats.assignee()) && !seats.eligible(person, groups)) {
          throw SeatOnlyRefusedException.notYours();
        }
      }
      default -> {
        if (!seats.eligible(person, groups)) {
          throw SeatOnlyRefusedException.notYours();
        }
        for (String user : action.users()) {
          boolean unchanged =
              user.equals(person) || user.equals(seats.assignee()) || user.equals(seats.owner());
          if (!unchanged && !seats.eligible(user, engine.groupsOf(user))) {
            throw SeatOnlyRefusedException.handed();
          }
        }
      }
    }
  }

  /**
   * A read of a task's form naming one that does not exist answers as one the person may not see ({@code EngineRestProblems}: one 403), not the engine's "no task found" 400 or a silent 204
   * (outsider's recheck: an oracle for which ids exist).
   */
  private void checkUnknownReads(Command<?> command) {
    String formTask = CommandWrites.formReadOf(command);
    if (formTask != null && facts(formTask) == null) {
      throw new NotFoundException("no such task");
    }
  }

  /**
   * A new task saved by a person ({@code POST /engine-rest/task/create}, Tasklist's "create task"): the product has no
   * standalone tasks, every task is a step of its processes (outsider's fifth session, finding 8: the administrator's
   * task, with any name and links, showed in a member's list next to the real ones).
   */
  private static boolean createsTask(Command<?> command) {
    return command instanceof SaveTaskCmd
        && CommandWrites.fieldOf(command, "task") instanceof TaskEntity task
        && task.getRevision() == 0;
  }

  /**
   * Recusal ({@link OwnCases}): the person the task is about neither acts on it nor has it handed to them; giving
   * back a task one holds stays possible.
   */
  private static boolean ownCase(
      CommandWrites.TaskAction action, String person, Set<String> subjects) {
    if (subjects.isEmpty()) {
      return false;
    }
    return subjects.contains(person) && !action.givesBack()
        || action.users().stream().anyMatch(subjects::contains);
  }

  /** A member's own self-review: theirs even when they sit on an inspection committee (never an auditor's). */
  private static boolean ownSelfReview(TaskFacts task, String person, List<String> groups) {
    return !groups.contains(Groups.AUDITORS)
        && ProcessKeys.SELF_REVIEW.equals(task.taskKey())
        && person.equals(task.memberUserId());
  }

  /**
   * The member a member-evaluation task is about, as a user id: {@code memberUserId} on an instance started before
   * issue 15, {@code memberId} (always the same id) since; null for a task about no member.
   */
  private static String memberUserId(TaskEntity task) {
    return task.getVariable(ProcessVariables.MEMBER_USER_ID) instanceof String id
        ? id
        : task.getVariable(ProcessVariables.MEMBER_ID) instanceof String member ? member : null;
  }

  /** What the checks need of a task. */
  private record TaskFacts(
      String taskKey, Set<String> subjects, String memberUserId, TaskSeats.Seats seats) {}

  /**
   * The task's definition key and whom it is about, read as the engine (whether the person may see the task is the
   * command's check); null: no such task.
   */
  private TaskFacts facts(String taskId) {
    if (taskId == null) {
      return null;
    }
    return AsEngine.task(
        configuration.getCommandExecutorTxRequired(),
        taskId,
        task ->
            task == null
                ? null
                : new TaskFacts(
                    task.getTaskDefinitionKey(),
                    OwnCases.subjectsOf(task),
                    memberUserId(task),
                    TaskSeats.of(task)));
  }
}
