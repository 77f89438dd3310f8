package vn.party.evaluation.security.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.process.validation.FieldError;

/**
 * What a person may do to the engine's accounts, groups, authorizations and filters, whatever the door: one named
 * rule each, judged in this order, the first refusal answering. A command none of them is about passes them all. The
 * application's own changes run as the system ({@code SystemAccess}) and are not judged ({@link UserCommandGuard}).
 *
 * <ol>
 *   <li>{@link #seatGroups}: seats are set on the unit's page (issue 12, outsider's finding 3);
 *   <li>{@link #builtInGroups}: {@code members}, {@code auditors}, {@code camunda-admin} (sixth session, finding 4);
 *   <li>{@link #keptAccounts}: the accounts the application knows, and one's own (sixth session, findings 2 and 5);
 *   <li>{@link #memberEmails}: a party member's e-mail address is the roster's (recheck A);
 *   <li>{@link #evaluationAuthorizations}: who reads and works on the evaluations is the application's (recheck B);
 *   <li>{@link #filterExpressions}: a filter holds Tasklist's own expressions only (seventh session, finding 3).
 * </ol>
 */
final class IdentityRules {

  /** One rule: returns when the command may run, throws its refusal otherwise. */
  @FunctionalInterface
  interface Rule {
    void check(Command<?> command, String person, List<String> groups);
  }

  private final ApplicationPeople people;
  private final EngineLookups engine;
  private final List<Rule> rules;

  IdentityRules(ApplicationPeople people, EngineLookups engine) {
    this.people = people;
    this.engine = engine;
    this.rules =
        List.of(
            IdentityRules::seatGroups,
            this::builtInGroups,
            this::keptAccounts,
            this::memberEmails,
            this::evaluationAuthorizations,
            IdentityRules::filterExpressions);
  }

  /** Every rule, in order: the first refusal is thrown. */
  void check(Command<?> command, String person, List<String> groups) {
    for (Rule rule : rules) {
      rule.check(command, person, groups);
    }
  }

  /**
   * No person creates, renames or deletes a group that seats manage ({@link Groups#seatManaged}), nor a membership of
   * one, through the engine's identity service: the unit's page names its committees and sets their seats.
   */
  private static void seatGroups(Command<?> command, String person, List<String> groups) {
    String groupId = null;
    if (command instanceof CreateMembershipCmd
        || command instanceof DeleteMembershipCmd
        || command instanceof DeleteGroupCmd) {
      groupId = CommandWrites.stringField(command, "groupId");
    } else if (command instanceof SaveGroupCmd
        && CommandWrites.fieldOf(command, "group") instanceof GroupEntity group) {
      groupId = group.getId(); // a new one, or renaming one
    }
    if (Groups.seatManaged(groupId)) {
      throw PersonRefusedException.seats(groupId);
    }
  }

  /**
   * The built-in groups ({@link BuiltInGroups}). A removal that could take the last member of {@code camunda-admin}
   * or {@code auditors} is judged only inside its own transaction, under the lock ({@link
   * BuiltInGroups#lastMemberKept}, run by the guard): a count here, before the lock, could only say what the locked
   * count says again, or be out of date by the time the removal runs.
   */
  private void builtInGroups(Command<?> command, String person, List<String> groups) {
    if (BuiltInGroups.removesKeptMember(command)) {
      return;
    }
    String refused =
        BuiltInGroups.refused(
            command,
            engine::groupsOf,
            engine::membersOf,
            userId -> people.rosterEmail(userId).isPresent());
    if (refused != null) {
      throw PersonRefusedException.builtInGroup(refused);
    }
  }

  /** No person deletes their own account, nor one the application knows ({@link UserDeletions}). */
  private void keptAccounts(Command<?> command, String person, List<String> groups) {
    if (UserDeletions.refused(
        command, person, groups, people::knows, engine::heldTasks, engine::groupsOf)) {
      throw PersonRefusedException.accountKept(CommandWrites.stringField(command, "userId"));
    }
  }

  /** A party member's account keeps the roster's e-mail address ({@link MemberEmails}). */
  private void memberEmails(Command<?> command, String person, List<String> groups) {
    if (MemberEmails.refused(command, people::rosterEmail, engine::storedEmail)) {
      throw PersonRefusedException.memberEmail();
    }
  }

  /** Authorizations only on accounts and the webapps ({@link EvaluationAuthorizations}). */
  private void evaluationAuthorizations(Command<?> command, String person, List<String> groups) {
    if (EvaluationAuthorizations.refused(command, engine::storedResourceType)) {
      throw PersonRefusedException.authorizationKept();
    }
  }

  /**
   * A filter saved holds Tasklist's own expressions only ({@link FilterExpressions}): 400 naming the fields, each with
   * its sentence, as a field that does not fit its column ({@link IdentityLengths.Refused}). As a variable's refusal
   * the detail was the raw key "taskAssignee: expression-not-allowed" (eighth session's outsider, LOW 4).
   */
  private static void filterExpressions(Command<?> command, String person, List<String> groups) {
    List<FieldError> expressions = FilterExpressions.refused(command);
    if (!expressions.isEmpty()) {
      throw new IdentityLengths.Refused(
          expressions.stream()
              .map(
                  e -> {
                    Map<String, String> error = new LinkedHashMap<>();
                    error.put("field", e.field());
                    error.put("reason", e.reason());
                    return error;
                  })
              .toList());
    }
  }
}
