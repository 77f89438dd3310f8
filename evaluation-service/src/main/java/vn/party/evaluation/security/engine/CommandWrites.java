package vn.party.evaluation.security.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetRenderedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import vn.party.evaluation.process.TextLimits;
import vn.party.evaluation.process.validation.TaskCompletionRules;

/**
 * Which variables an engine command writes, read from the command object itself, so that every door that ends in
 * the command (engine REST in both path forms, the webapps, the domain API, Java callers) is seen alike.
 *
 * <p>Generic on purpose: instead of a list of commands to keep up with each Camunda release, any variable map the
 * command carries counts — a field whose name speaks of variables ({@code variables}, {@code processVariables},
 * {@code variablesLocal}, {@code properties} of a form submission, a patch's {@code deletions}…), found in the
 * command or in the builder or instructions it holds (process instance modification, message correlation, start,
 * restart, signals, external tasks, batches). Queries carry value filters, not maps of names, and are left alone;
 * so are entities (a saved filter's properties) and the engine's own machinery.
 */
final class CommandWrites {

  /** A write: the task whose form it goes through (null: no task form, e.g. a process instance's variables). */
  /** {@code transients}: the variables sent as transient values (kept out of the engine's variables and history). */
  record Write(
      String taskId, boolean completion, Map<String, Object> values, Set<String> transients) {}

  /**
   * What a person's command does to a task (see {@link Kind}). {@code users}: whom it hands the task to (assignee,
   * owner, delegate, candidate), who must then be eligible themselves.
   */
  record TaskAction(String taskId, Kind kind, List<String> users) {

    /** Unclaiming, or taking the assignee away: giving back a task one holds. */
    boolean givesBack() {
      return kind == Kind.GIVE_BACK;
    }
  }

  /** The kinds of task commands the guard judges. */
  enum Kind {
    /** Completing, submitting, resolving, throwing an error or escalation from it. */
    DECIDE,
    /** Claiming it (for oneself, or for someone else: then {@code users}). */
    CLAIM,
    /** Unclaiming, or setting no assignee. */
    GIVE_BACK,
    /** Handing it: assignee, owner, delegate, candidate user ({@code users}). */
    HAND,
    /** Changing it otherwise: its name, dates, priority, owner taken away, a candidate user taken away. */
    CHANGE,
    /** A comment or an attachment added, changed or deleted. */
    NOTE,
    /** A candidate group or another kind of identity link added or taken away: the process's alone. */
    LINK,
    /** Deleting it. */
    DELETE
  }

  private static final int MAX_DEPTH = 4;
  private static final Set<String> SKIPPED_PACKAGES =
      Set.of(
          "org.camunda.bpm.engine.impl.persistence",
          "org.camunda.bpm.engine.impl.interceptor",
          "org.camunda.bpm.engine.impl.cfg",
          "org.camunda.bpm.engine.impl.db",
          "org.camunda.bpm.engine.impl.context",
          "org.camunda.bpm.engine.impl.jobexecutor",
          "org.camunda.bpm.engine.impl.pvm",
          "org.camunda.bpm.engine.impl.bpmn");

  private CommandWrites() {}

  /** The variables the command writes (names with their values; a removal has a null value), or null: none. */
  static Write of(Command<?> command) {
    if (command.getClass().getSimpleName().startsWith("Evaluate")
        && command.getClass().getSimpleName().contains("Decision")) {
      return null; // a decision evaluated with inputs writes nothing
    }
    Map<String, Object> values = new LinkedHashMap<>();
    Set<String> transients = new LinkedHashSet<>();
    collect(command, 0, values, transients, new IdentityHashMap<>());
    if (command instanceof AbstractRemoveVariableCmd
        || command instanceof AbstractPatchVariablesCmd) {
      for (String name : List.of("variableNames", "deletions")) {
        if (field(command, name) instanceof Collection<?> names) {
          names.forEach(n -> values.putIfAbsent(String.valueOf(n), null));
        }
      }
    }
    if (values.isEmpty()) {
      return null;
    }
    boolean completion = command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd;
    String taskId = completion ? (String) field(command, "taskId") : null;
    return new Write(taskId, completion, values, transients);
  }

  /** Long texts cut for the engine in a completion's variables: the task and the whole texts by variable name. */
  record Cut(String taskId, Map<String, String> whole) {}

  /**
   * Cuts, in a task completion's own variables ({@code complete}, {@code resolve}, {@code submit-form}), every long
   * text of the task's form ({@link TaskCompletionRules#longTexts}) that an engine variable cannot hold to {@link
   * TextLimits#forEngine}; returns the whole texts, or null when there was nothing to cut (the usual case: no string
   * longer than an engine variable, found without asking the database).
   */
  static Cut cutLongTexts(Command<?> command, Function<String, String> taskKeyOf) {
    if (!(command instanceof CompleteTaskCmd) && !(command instanceof SubmitTaskFormCmd)) {
      return null;
    }
    String mapField = command instanceof CompleteTaskCmd ? "variables" : "properties";
    if (!(field(command, mapField) instanceof Map<?, ?> raw)
        || raw.keySet().stream().noneMatch(name -> tooLongForEngine(valueOf(raw, name)))) {
      return null;
    }
    String taskId = (String) field(command, "taskId");
    String taskKey = taskId == null ? null : taskKeyOf.apply(taskId);
    if (taskKey == null || !TaskCompletionRules.covers(taskKey)) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> variables = (Map<String, Object>) raw;
    Map<String, String> whole = new LinkedHashMap<>();
    Map<String, Object> cut = new LinkedHashMap<>();
    for (String name : TaskCompletionRules.longTexts(taskKey)) {
      if (variables.containsKey(name)
          && valueOf(variables, name) instanceof String text
          && tooLongForEngine(text)) {
        whole.put(name, text);
        cut.put(name, TextLimits.forEngine(text));
      }
    }
    if (whole.isEmpty()) {
      return null;
    }
    try {
      variables.putAll(cut);
    } catch (UnsupportedOperationException immutable) {
      VariableMap copy = Variables.fromMap(variables);
      copy.putAll(cut);
      write(command, mapField, copy);
    }
    return new Cut(taskId, whole);
  }

  private static boolean tooLongForEngine(Object value) {
    return value instanceof String text && text.length() > TextLimits.ENGINE_VARIABLE;
  }

  /** The action the command takes on a task, or null: none of those (see {@link TaskAction}). */
  static TaskAction actionOf(Command<?> command) {
    String taskId = stringField(command, "taskId");
    if (command instanceof CompleteTaskCmd
        || command instanceof SubmitTaskFormCmd
        || command instanceof HandleTaskBpmnErrorCmd
        || command instanceof HandleTaskEscalationCmd) {
      return new TaskAction(taskId, Kind.DECIDE, List.of());
    }
    if (command instanceof ClaimTaskCmd) {
      String userId = stringField(command, "userId");
      return userId == null
          ? new TaskAction(taskId, Kind.GIVE_BACK, List.of())
          : new TaskAction(taskId, Kind.CLAIM, List.of(userId));
    }
    if (command instanceof DelegateTaskCmd) {
      String userId = stringField(command, "userId");
      return new TaskAction(taskId, Kind.HAND, userId == null ? List.of() : List.of(userId));
    }
    if (command instanceof AbstractAddIdentityLinkCmd) {
      String userId = stringField(command, "userId");
      String type = stringField(command, "type");
      if (stringField(command, "groupId") != null
          || !(command instanceof AssignTaskCmd
              || command instanceof SetTaskOwnerCmd
              || handing(type))) {
        return new TaskAction(taskId, Kind.LINK, List.of());
      }
      if (userId == null) {
        return new TaskAction(
            taskId,
            command instanceof AssignTaskCmd || IdentityLinkType.ASSIGNEE.equals(type)
                ? Kind.GIVE_BACK
                : Kind.CHANGE,
            List.of());
      }
      return new TaskAction(taskId, Kind.HAND, List.of(userId));
    }
    if (command instanceof DeleteIdentityLinkCmd) {
      String type = stringField(command, "type");
      if (stringField(command, "groupId") != null || !handing(type)) {
        return new TaskAction(taskId, Kind.LINK, List.of());
      }
      return new TaskAction(
          taskId, IdentityLinkType.ASSIGNEE.equals(type) ? Kind.GIVE_BACK : Kind.CHANGE, List.of());
    }
    if (command instanceof AbstractSetTaskPropertyCmd<?>) {
      return new TaskAction(taskId, Kind.CHANGE, List.of()); // name, description, dates, priority
    }
    if (command instanceof AddCommentCmd
        || command instanceof UpdateCommentCmd
        || command instanceof DeleteTaskCommentCmd
        || command instanceof CreateAttachmentCmd
        || command instanceof DeleteAttachmentCmd) {
      return taskId == null ? null : new TaskAction(taskId, Kind.NOTE, List.of());
    }
    if (command instanceof SaveAttachmentCmd
        && field(command, "attachment") instanceof Attachment attachment
        && attachment.getTaskId() != null) {
      return new TaskAction(attachment.getTaskId(), Kind.NOTE, List.of());
    }
    if (command instanceof DeleteTaskCmd && taskId != null) {
      return new TaskAction(taskId, Kind.DELETE, List.of());
    }
    if (command instanceof SaveTaskCmd
        && field(command, "task") instanceof TaskEntity task
        && task.getId() != null) {
      List<String> users = new ArrayList<>();
      for (String userId : new String[] {task.getAssignee(), task.getOwner()}) {
        if (userId != null) {
          users.add(userId);
        }
      }
      return new TaskAction(task.getId(), Kind.CHANGE, users);
    }
    return null;
  }

  /** The identity links a person may give or take away on a task (to or from an eligible user): the others are the process's. */
  private static final Set<String> HANDING_LINKS =
      Set.of(IdentityLinkType.CANDIDATE, IdentityLinkType.ASSIGNEE, IdentityLinkType.OWNER);

  private static boolean handing(String linkType) {
    return linkType != null && HANDING_LINKS.contains(linkType); // Set.of refuses null
  }

  /**
   * The task a read of a task's form names (deployed, rendered, its form variables), or null: not such a read. An
   * unknown task there answers as one the person may not see (no oracle).
   */
  static String formReadOf(Command<?> command) {
    if (command instanceof GetTaskFormVariablesCmd) {
      return stringField(command, "resourceId");
    }
    return command instanceof GetDeployedTaskFormCmd
            || command instanceof GetTaskFormCmd
            || command instanceof GetRenderedTaskFormCmd
        ? stringField(command, "taskId")
        : null;
  }

  private static void collect(
      Object target,
      int depth,
      Map<String, Object> values,
      Set<String> transients,
      Map<Object, Boolean> seen) {
    if (target == null || depth > MAX_DEPTH || seen.put(target, Boolean.TRUE) != null) {
      return;
    }
    for (Class<?> type = target.getClass();
        type != null && type != Object.class;
        type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
          continue;
        }
        Object value = read(field, target);
        if (value instanceof Map<?, ?> map) {
          if (namesVariables(field.getName())) {
            for (Object key : map.keySet()) {
              values.put(String.valueOf(key), valueOf(map, key));
              if (sentTransient(map, key)) {
                transients.add(String.valueOf(key));
              }
            }
          }
        } else if (value instanceof Collection<?> items) {
          new ArrayList<>(items)
              .stream()
                  .filter(CommandWrites::engineObject)
                  .forEach(item -> collect(item, depth + 1, values, transients, seen));
        } else if (engineObject(value)) {
          collect(value, depth + 1, values, transients, seen);
        }
      }
    }
  }

  private static boolean namesVariables(String fieldName) {
    String name = fieldName.toLowerCase(Locale.ROOT);
    return name.contains("variable") || name.equals("properties") || name.equals("modifications");
  }

  /** An engine object worth looking into: a command, builder or instruction, not the engine's machinery. */
  private static boolean engineObject(Object value) {
    if (value == null) {
      return false;
    }
    String name = value.getClass().getName();
    return name.startsWith("org.camunda.bpm.engine.impl.")
        && SKIPPED_PACKAGES.stream().noneMatch(name::startsWith)
        && !name.contains("CommandExecutor")
        && !name.contains("Observer")
        && !name.contains("Listener");
  }

  /** A variable map hands out its values deserialized: read the typed value, so a serialized one stays as it came. */
  private static Object valueOf(Map<?, ?> map, Object key) {
    if (map instanceof VariableMap variables) {
      return unwrap(variables.getValueTyped(String.valueOf(key)));
    }
    try {
      return unwrap(map.get(key));
    } catch (RuntimeException notDeserialized) {
      return notDeserialized; // not a value any form takes: refused by the rules
    }
  }

  /**
   * Whether the value was sent as a transient one ({@code "valueInfo":{"transient":true}}): the engine hands it to the
   * listeners but keeps it out of its variables and history (outsider's re-attack of 2026-12-06, fifth session,
   * finding 6).
   */
  private static boolean sentTransient(Map<?, ?> map, Object key) {
    try {
      Object value =
          map instanceof VariableMap variables
              ? variables.getValueTyped(String.valueOf(key))
              : map.get(key);
      return value instanceof TypedValue typed && typed.isTransient();
    } catch (RuntimeException notDeserialized) {
      return false; // refused by the rules as not a value any form takes
    }
  }

  /** The value as the rules judge it: a typed value's own value (a serialized object as it came). */
  private static Object unwrap(Object value) {
    if (value instanceof TypedValue typed) {
      try {
        return typed.getValue();
      } catch (RuntimeException notDeserialized) {
        return typed;
      }
    }
    return value;
  }

  /** A command's field, read by reflection (the engine's commands keep them package-private); null if none. */
  static Object fieldOf(Object target, String name) {
    return field(target, name);
  }

  /** {@link #fieldOf}, when it is a string. */
  static String stringField(Object target, String name) {
    return field(target, name) instanceof String text ? text : null;
  }

  private static Object field(Object target, String name) {
    for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
      try {
        return read(type.getDeclaredField(name), target);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    return null;
  }

  private static void write(Object target, String name, Object value) {
    for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
        return;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IllegalStateException(
            "could not hand the engine the cut texts of " + target.getClass(), e);
      }
    }
  }

  private static Object read(Field field, Object target) {
    try {
      field.setAccessible(true);
      return field.get(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
