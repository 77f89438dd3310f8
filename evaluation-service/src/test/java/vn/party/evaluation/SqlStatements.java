package vn.party.evaluation;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Counts the SQL statements the service sends, as the bench's {@code pg_stat_statements} counts them (each statement
 * of a JDBC batch once, and a {@code BEGIN} for each transaction that sent one), for tests of what a request costs
 * (issue 15). The test database's connections come through {@link Driver} (IntegrationTestSupport names it); it
 * counts nothing unless a recording runs, and then only the statements of the threads it names (the web server's
 * request threads: not the outbox publisher, the job executor or the Kafka listeners running meanwhile).
 */
public final class SqlStatements {

  private SqlStatements() {}

  private static volatile Recording active;

  /** The statements a recording saw, in order ({@code BEGIN} for a transaction's start). */
  public record Recorded<T>(T value, List<String> statements) {
    public int count() {
      return statements.size();
    }

    public long transactions() {
      return statements.stream().filter("BEGIN"::equals).count();
    }

    /** By text (whitespace folded, cut at 160 characters), how many, most first. */
    public String byText() {
      Map<String, Long> counts =
          statements.stream()
              .map(s -> s.replaceAll("\\s+", " ").trim())
              .map(s -> s.length() > 160 ? s.substring(0, 160) + "…" : s)
              .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
      StringBuilder b = new StringBuilder();
      counts.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(e -> b.append(String.format("%4d  %s%n", e.getValue(), e.getKey())));
      return b.toString();
    }
  }

  /**
   * The statements of a sign-in with a password among those recorded: the account (the engine's read by id, or the
   * one query of {@code PersonSignIn}), its groups by membership, the must-change flag.
   */
  public static long signIns(Recorded<?> recorded) {
    return recorded.statements().stream()
        .map(sql -> sql.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT))
        .filter(
            sql ->
                sql.contains("from act_id_user where id_")
                    || sql.contains("from act_id_user u where")
                    || sql.contains("act_id_membership")
                    || sql.contains("account_password"))
        .count();
  }

  /** Runs {@code work} counting the statements sent by the web server's request threads meanwhile. */
  public static <T> Recorded<T> ofRequests(Supplier<T> work) {
    return recorded(thread -> thread.getName().startsWith("http-nio-"), work);
  }

  /** Runs {@code work} counting the statements sent by the threads {@code counted} accepts meanwhile. */
  public static synchronized <T> Recorded<T> recorded(Predicate<Thread> counted, Supplier<T> work) {
    Recording recording = new Recording(counted);
    active = recording;
    try {
      T value = work.get();
      return new Recorded<>(value, recording.statements());
    } finally {
      active = null;
    }
  }

  private static final class Recording {
    private final Predicate<Thread> counted;
    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());

    Recording(Predicate<Thread> counted) {
      this.counted = counted;
    }

    List<String> statements() {
      synchronized (statements) {
        return List.copyOf(statements);
      }
    }
  }

  /** PostgreSQL's driver, its connections counted while a recording runs. */
  public static final class Driver implements java.sql.Driver {

    private final java.sql.Driver postgres = new org.postgresql.Driver();

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
      Connection connection = postgres.connect(url, info);
      return connection == null ? null : counting(connection);
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
      return postgres.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
      return postgres.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
      return postgres.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
      return postgres.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
      return postgres.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return postgres.getParentLogger();
    }
  }

  private static Connection counting(Connection connection) {
    ConnectionHandler handler = new ConnectionHandler(connection);
    return (Connection)
        Proxy.newProxyInstance(
            SqlStatements.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  /** Whether a transaction runs on the connection (a statement sent since autocommit went off or the last end). */
  private static final class ConnectionHandler implements InvocationHandler {
    private final Connection connection;
    private boolean inTransaction;

    ConnectionHandler(Connection connection) {
      this.connection = connection;
    }

    void sent(String sql) throws SQLException {
      Recording recording = active;
      boolean transaction = !connection.getAutoCommit();
      boolean begins = transaction && !inTransaction;
      inTransaction = transaction;
      if (recording != null && recording.counted.test(Thread.currentThread())) {
        if (begins) {
          recording.statements.add("BEGIN");
        }
        recording.statements.add(sql == null ? "?" : sql);
      }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      Object result;
      try {
        result = method.invoke(connection, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      switch (name) {
        case "commit", "rollback", "setAutoCommit" -> {
          if (!"rollback".equals(name) || args == null || args.length == 0) {
            inTransaction = false;
          }
        }
        case "prepareStatement", "prepareCall", "createStatement" -> {
          String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
          Class<?> type =
              "prepareCall".equals(name)
                  ? CallableStatement.class
                  : "prepareStatement".equals(name) ? PreparedStatement.class : Statement.class;
          return Proxy.newProxyInstance(
              SqlStatements.class.getClassLoader(),
              new Class<?>[] {type},
              new StatementHandler((Statement) result, sql, this));
        }
        default -> {}
      }
      return result;
    }
  }

  private static final class StatementHandler implements InvocationHandler {
    private final Statement statement;
    private final String sql;
    private final ConnectionHandler connection;

    StatementHandler(Statement statement, String sql, ConnectionHandler connection) {
      this.statement = statement;
      this.sql = sql;
      this.connection = connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      boolean withText = args != null && args.length > 0 && args[0] instanceof String;
      switch (name) {
        case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch" ->
            connection.sent(withText ? (String) args[0] : sql);
        default -> {}
      }
      try {
        return method.invoke(statement, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
