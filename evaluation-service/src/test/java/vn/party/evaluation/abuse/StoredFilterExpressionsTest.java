package vn.party.evaluation.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import vn.party.evaluation.IntegrationTestSupport;
import vn.party.evaluation.security.engine.StoredFilterExpressions;

/**
 * Seventh session's outsider, finding 3 (HIGH), what was left: a filter stored before {@code FilterExpressions} judged
 * every save kept its expression, which ran the application's beans inside the engine whenever someone opened it.
 * Such filters are written here straight into the engine's table, past the guard, as they were before; the start's
 * check ({@link StoredFilterExpressions}) deletes each one holding anything but Tasklist's own expressions, logs it at
 * WARN with its id and owner, and keeps the ones that hold only Tasklist's.
 */
class StoredFilterExpressionsTest extends IntegrationTestSupport {

  private static final List<String> DOORS = List.of("/engine-rest", "/engine-rest/engine/default");

  @Autowired StoredFilterExpressions storedFilters;

  @Test
  void aFilterStoredBeforeTheRuleLosesItsExpressionAtStart() {
    // as the engine stores a query: each expression under the name of the query's method it sets
    String bean = stored("member1", "{\"taskAssigneeExpression\":\"${identityService}\"}");
    String method =
        stored(
            "secretary1",
            "{\"taskCandidateGroupInExpression\":\"${runtimeService.createProcessInstanceQuery()"
                + ".list()}\"}");
    String inOr =
        stored(
            "admin", "{\"orQueries\":[{\"taskAssigneeExpression\":\"${authorizationService}\"}]}");
    String tasklists =
        stored(
            "admin",
            "{\"taskAssigneeExpression\":\"${currentUser()}\","
                + "\"dueBeforeExpression\":\"${dateTime().plusDays(3).toDate()}\"}");
    Logger logger = (Logger) LoggerFactory.getLogger(StoredFilterExpressions.class);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    try {
      assertThat(storedFilters.deleteRefused())
          .contains(bean, method, inOr)
          .doesNotContain(tasklists);

      Http http = new Http(port);
      for (String id : List.of(bean, method, inOr)) {
        assertThat(filterRows(id)).as(id).isZero();
        for (String door : DOORS) {
          HttpResponse<String> count =
              http.send("GET", door + "/filter/" + id + "/count", "admin", null, (String) null);
          assertThat(count.statusCode()).as(door + " " + id + ": " + count.body()).isEqualTo(404);
        }
        assertThat(log.list)
            .as(id)
            .anyMatch(
                e ->
                    e.getLevel() == Level.WARN
                        && e.getFormattedMessage().contains(id)
                        && e.getFormattedMessage().contains("Owner "));
      }
      assertThat(log.list)
          .anyMatch(
              e ->
                  e.getFormattedMessage().contains(bean)
                      && e.getFormattedMessage().contains("Owner member1"));
      // Tasklist's own expressions stay, and run
      assertThat(filterRows(tasklists)).isEqualTo(1);
      for (String door : DOORS) {
        HttpResponse<String> count =
            http.send(
                "GET", door + "/filter/" + tasklists + "/count", "admin", null, (String) null);
        assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
      }
    } finally {
      logger.detachAppender(log);
      for (String id : List.of(bean, method, inOr, tasklists)) {
        jdbc.sql("delete from act_ru_filter where id_ = :id").param("id", id).update();
      }
    }
  }

  /** A task filter written into the engine's table as a release before the rule stored it; its id. */
  private String stored(String owner, String query) {
    String id = "stored-" + UUID.randomUUID();
    jdbc.sql(
            """
            insert into act_ru_filter (id_, rev_, resource_type_, name_, owner_, query_, properties_)
            values (:id, 1, 'Task', :name, :owner, :query, '{}')""")
        .param("id", id)
        .param("name", "Bộ lọc cũ " + id)
        .param("owner", owner)
        .param("query", query)
        .update();
    return id;
  }

  private long filterRows(String id) {
    return jdbc.sql("select count(*) from act_ru_filter where id_ = :id")
        .param("id", id)
        .query(Long.class)
        .single();
  }
}
