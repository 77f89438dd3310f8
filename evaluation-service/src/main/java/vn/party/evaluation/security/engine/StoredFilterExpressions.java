package vn.party.evaluation.security.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.validation.FieldError;

/**
 * The filters stored before {@link FilterExpressions} judged every save (outsider of 2026-12-07, seventh session,
 * finding 3: a stored filter's expression ran the application's beans inside the engine, past every guard, as
 * whoever opened the filter). At start every stored filter is judged by the same rule; one holding anything but
 * Tasklist's own expressions is deleted — with its authorizations, as the engine deletes a filter — before anybody
 * can run it, and logged at WARN with its id, owner, name and what it held (the engine keeps no other trace of it;
 * the application has no record administrators read for such a thing). Deleted rather than emptied: a filter without
 * its criteria would list more than its owner meant, under the same name.
 *
 * <p>Each filter is read in a command of its own: a row the engine cannot read (a query that is not its JSON) cannot
 * run either, and is logged and left for the administrators rather than stopping the start; so is one another node
 * starting at the same moment deleted first.
 */
@Component
public class StoredFilterExpressions {

  private static final Logger log = LoggerFactory.getLogger(StoredFilterExpressions.class);

  /** What a log line shows of one expression: enough to tell what it did, never a page of text. */
  private static final int SHOWN = 200;

  private final ProcessEngineConfigurationImpl configuration;

  public StoredFilterExpressions(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onStart() {
    List<String> deleted = deleteRefused();
    if (!deleted.isEmpty()) {
      log.warn("Stored filters holding expressions Tasklist does not use, deleted: {}", deleted);
    }
  }

  /** Judges every stored filter and deletes each one holding a refused expression; the ids deleted. */
  public List<String> deleteRefused() {
    List<String> deleted = new ArrayList<>();
    for (String id : AsEngine.call(configuration.getCommandExecutorTxRequired(), this::filterIds)) {
      try {
        String held =
            AsEngine.call(
                configuration.getCommandExecutorTxRequired(), c -> deleteIfRefused(c, id));
        if (held != null) {
          // logged once the deletion has committed
          log.warn(
              "Stored filter {} held expressions Tasklist does not use: deleted before it could run. {}",
              id,
              held);
          deleted.add(id);
        }
      } catch (RuntimeException e) {
        // the engine's mapping of the query failed (then the engine cannot run it either), or
        // another node deleted it first
        log.warn("Stored filter {} could not be judged; left as it is: {}", id, e.getMessage());
      }
    }
    return deleted;
  }

  /**
   * What the filter held, when it held a refused expression (then it is deleted, in this command's transaction); null
   * when it holds none.
   */
  private String deleteIfRefused(CommandContext context, String id) {
    FilterEntity filter = context.getFilterManager().findFilterById(id);
    if (filter == null) {
      return null;
    }
    List<FieldError> refused = FilterExpressions.refused(filter);
    if (refused.isEmpty()) {
      return null;
    }
    String held =
        "Owner "
            + shown(filter.getOwner())
            + ", name \""
            + shown(filter.getName())
            + "\", query fields "
            + refused.stream().map(FieldError::field).distinct().toList()
            + ", expressions "
            + expressions(filter.getQuery());
    context.getFilterManager().deleteFilter(id);
    return held;
  }

  /** The ids of every stored filter, read without the engine's mapping of their queries (one may be unreadable). */
  private List<String> filterIds(CommandContext context) {
    Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
    String table = configuration.getDatabaseTablePrefix() + "ACT_RU_FILTER";
    List<String> ids = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("select ID_ from " + table);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("could not list the stored filters", e);
    }
    return ids;
  }

  /** Each expression of the query (or-queries included, as the engine stores them), as a log line may show it. */
  private static String expressions(Object query) {
    if (!(query instanceof AbstractQuery<?, ?> abstractQuery)) {
      return "{}";
    }
    Map<String, String> expressions = abstractQuery.getExpressions();
    String own =
        expressions == null
            ? ""
            : expressions.entrySet().stream()
                .map(e -> e.getKey() + "=" + shown(e.getValue()))
                .collect(Collectors.joining(", "));
    if (query instanceof TaskQueryImpl task && task.getQueries() != null) {
      String ors =
          task.getQueries().stream()
              .filter(or -> or != task)
              .map(StoredFilterExpressions::expressions)
              .collect(Collectors.joining(", "));
      if (!ors.isEmpty()) {
        own = own.isEmpty() ? "or " + ors : own + ", or " + ors;
      }
    }
    return "{" + own + "}";
  }

  /** A stored text as a log line may hold it: control characters escaped (no forged lines), cut at {@link #SHOWN}. */
  private static String shown(String text) {
    if (text == null) {
      return "null";
    }
    String cut = text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text;
    StringBuilder out = new StringBuilder();
    cut.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }
}
