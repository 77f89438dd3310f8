package vn.party.evaluation.engine;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist's shared task filters, which everybody signed in reads, made at start-up; a stored filter whose query is not
 * the one defined here is brought up to it at start-up, so a change of a query reaches existing databases without a
 * migration (eleventh session's outsider, LOW 8: "Việc của tập thể tôi" counted only unclaimed tasks, a colleague's
 * claimed task of the same committee showed only under "Tất cả việc tôi được xem"; it now lists the committee's tasks,
 * claimed or not, as the application's work list does).
 */
@Component
@Order(1)
public class TasklistFilters implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

  static final String MINE = "Việc của tôi / My tasks";
  static final String COMMITTEE = "Việc của tập thể tôi / My committee's tasks";
  static final String ALL = "Tất cả việc tôi được xem / All tasks I may see";

  private static final JsonTaskQueryConverter QUERIES = new JsonTaskQueryConverter();

  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService taskService;

  public TasklistFilters(
      AuthorizationService authorizations, FilterService filters, TaskService taskService) {
    this.authorizations = authorizations;
    this.filters = filters;
    this.taskService = taskService;
  }

  @Override
  public void run(ApplicationArguments args) {
    filter(MINE, taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), 1);
    // the committee's tasks whoever claimed them (a candidate group query leaves claimed tasks
    // out unless asked); a person with no group left finds none (CurrentUserGroups)
    filter(
        COMMITTEE,
        taskService
            .createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks(),
        2);
    filter(ALL, taskService.createTaskQuery(), 3);
  }

  private void filter(String name, TaskQuery query, int priority) {
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      TaskQuery stored = existing.getQuery();
      if (!QUERIES.toJson(stored).equals(QUERIES.toJson(query))) {
        try {
          filters.saveFilter(existing.setQuery(query));
          log.info("Tasklist filter \"{}\" ({}): query brought up to date", name, existing.getId());
        } catch (OptimisticLockingException e) {
          // another node starting at the same moment did it
          log.info("Tasklist filter \"{}\": updated by another node", name);
        }
      }
      return;
    }
    Filter filter =
        filters
            .newTaskFilter(name)
            .setOwner("admin")
            .setQuery(query)
            .setProperties(Map.of("priority", priority, "autoRefresh", true));
    filters.saveFilter(filter);
    Authorization read = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
    read.setResource(Resources.FILTER);
    read.setResourceId(filter.getId());
    read.addPermission(Permissions.READ);
    authorizations.saveAuthorization(read);
  }
}
