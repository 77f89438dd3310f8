package vn.party.evaluation.engine;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableCollectionProvider;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableStore;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A task being created has no task-local variables in the database: its id is new. The engine does not know that and,
 * at the first {@code getVariable} of the task's create listeners (the timeline, the notice, the cap, the own-case
 * grants each read the member and the year through the task), reads them — {@code select … from ACT_RU_VARIABLE
 * where TASK_ID_ = ?}, always empty: one statement per created task (issue 15, "event to task" and every task a
 * launch or a completion creates). Before any other create listener, a task the running command has created and not
 * yet written gets an empty store of local variables instead; reads go on to its execution as before, and a local
 * variable set afterwards is inserted as before.
 */
@Component
public class FreshTaskVariables {

  private static final Field VARIABLE_STORE = variableStoreField();

  private static Field variableStoreField() {
    try {
      Field field = TaskEntity.class.getDeclaredField("variableStore");
      field.setAccessible(true);
      return field;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // another engine version: the engine reads them, as before
    }
  }

  @EventListener
  @Order(Ordered.HIGHEST_PRECEDENCE)
  @SuppressWarnings({"rawtypes", "unchecked"})
  public void on(DelegateTask task) {
    if (VARIABLE_STORE == null
        || !TaskListener.EVENTNAME_CREATE.equals(task.getEventName())
        || !(task instanceof TaskEntity entity)
        || !unwritten(entity)) {
      return;
    }
    try {
      VariableStore store = (VariableStore) VARIABLE_STORE.get(entity);
      if (store == null || store.isInitialized()) {
        return;
      }
      store.setVariablesProvider(VariableCollectionProvider.emptyVariables());
      try {
        store.forceInitialization();
      } finally {
        store.setVariablesProvider(entity);
      }
    } catch (IllegalAccessException e) {
      // left to the engine, which reads them
    }
  }

  /** Created by the running command and not yet written: in its entity cache, to be inserted. */
  private static boolean unwritten(TaskEntity task) {
    CommandContext context = Context.getCommandContext();
    if (context == null || task.getId() == null) {
      return false;
    }
    DbEntityCache cache = context.getDbEntityManager().getDbEntityCache();
    TaskEntity cached = cache.get(TaskEntity.class, task.getId());
    return cached == task && cache.isTransient(task);
  }
}
