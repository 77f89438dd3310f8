package vn.party.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 4 of issue 6, event to task: members whose evaluation waits for the residence-area comment (at the
 * event-based gateway {@code residence-feedback-wait}) each get one {@code vn.party.member.residence-feedback}
 * CloudEvent on {@code party.member-events}, sent open-loop at a fixed rate; the latency of each is from when it was
 * due to when the member's {@code branch-review} task became visible in the database.
 *
 * <p>"Visible" is the commit time of the transaction that inserted the task's {@code act_ru_task} row
 * ({@code pg_xact_commit_timestamp(xmin)}, needs {@code track_commit_timestamp = on}, which the bench sets on the
 * embedded PostgreSQL): before that commit nobody can see or work on the task. Without it (an external server where
 * it is off) the task's {@code create_time_} is used, which the engine sets when it creates the task in memory, before
 * the listeners, the flush and the commit — a few milliseconds early. Not used: {@code evaluation.outbox.created_at}
 * (its default {@code now()} is the start of the consuming transaction, before any of the work) and
 * {@code published_at} (the outbox publisher's later transaction, up to a poll interval after the commit: that is
 * when the notice goes out, not when the task exists).
 */
final class EventToTask {

  private static final Logger log = LoggerFactory.getLogger(EventToTask.class);
  static final String WAIT_MESSAGE = "residence-feedback-received";
  static final String NEXT_TASK = "branch-review";

  /** The next task of one member: when the engine created it and when its transaction committed (epoch ns). */
  record Created(String businessKey, long createdEpochNanos, Long committedEpochNanos) {}

  private EventToTask() {}

  static void run(
      EvaluationClient client,
      String admin,
      DataSource data,
      MemberEvents events,
      int year,
      String organizationPrefix,
      BenchOptions options,
      Results results,
      CpuMeter cpu,
      Probe probe)
      throws Exception {
    String keyPattern = year + ":" + organizationPrefix + "%";
    boolean commitTimes = "on".equals(Sql.text(data, "show track_commit_timestamp"));
    List<Integer> rates = options.eventRates;
    List<Integer> counts = new ArrayList<>();
    int needed = options.eventWarmup;
    for (int rate : rates) {
      counts.add(options.eventsAt(rate));
      needed += options.eventsAt(rate);
    }

    List<String> waiting = waitingMembers(data, keyPattern);
    if (waiting.size() < needed) {
      bringToFeedbackWait(
          client, admin, data, keyPattern, needed - waiting.size(), options.users, results);
      waiting = waitingMembers(data, keyPattern);
    }
    if (waiting.size() < needed) {
      int per = Math.max(1, (waiting.size() - options.eventWarmup) / rates.size());
      log.warn(
          "Only {} members wait for their residence comment, {} wanted: {} events per rate",
          waiting.size(),
          needed,
          per);
      counts.replaceAll(n -> Math.min(n, per));
    }

    int next = 0;
    if (options.eventWarmup > 0 && !rates.isEmpty()) {
      List<String> warm = waiting.subList(0, Math.min(options.eventWarmup, waiting.size()));
      next = warm.size();
      log.info(
          "Event to task: {} warm-up events at {}/s (not measured)", warm.size(), rates.get(0));
      send(events, warm, year, rates.get(0));
      awaitTasks(data, year, warm, Duration.ofMinutes(2));
      OrganizationGenerator.awaitOutboxDrained(data, Duration.ofMinutes(2));
    }
    for (int r = 0; r < rates.size(); r++) {
      int rate = rates.get(r);
      int n = Math.min(counts.get(r), waiting.size() - next);
      if (n <= 0) {
        log.warn("No members left for {} events/s", rate);
        continue;
      }
      List<String> members = waiting.subList(next, next + n);
      next += n;
      measure(rate, members, data, events, year, commitTimes, results, cpu, probe);
      OrganizationGenerator.awaitOutboxDrained(data, Duration.ofMinutes(2));
    }
  }

  private static void measure(
      int rate,
      List<String> members,
      DataSource data,
      MemberEvents events,
      int year,
      boolean commitTimes,
      Results results,
      CpuMeter cpu,
      Probe probe)
      throws Exception {
    int n = members.size();
    log.info(
        "Event to task at {} events/s offered: {} events ({} s of sending)",
        rate,
        n,
        Results.number(n / (double) rate));
    long c0 = cpu == null ? 0 : cpu.cpuNanos();
    long[] s0 = cpu == null ? null : cpu.cpuNanosByRoot();
    PgStats.Snapshot pg0 = PgStats.take(data);
    Probe.Phase phase = probe.begin("event-" + rate);
    OpenLoop.Sent sent = send(events, members, year, rate);
    Duration timeout = Duration.ofSeconds(60).plusMillis(100L * n);
    boolean all = awaitTasks(data, year, members, timeout);
    double cpuPerEvent = cpu == null ? Double.NaN : cpu.msPerOperation(c0, n);
    double sqlPerEvent = phase.end(n);
    String shares = cpu == null ? "" : cpu.shares(s0);
    String database = PgStats.since(data, pg0, n);
    log.info("  {}", database);
    Map<String, Created> created = new HashMap<>();
    for (Created c : createdTasks(data, year, members, commitTimes)) {
      created.put(c.businessKey(), c);
    }

    Latencies visible = new Latencies();
    Latencies engineClock = new Latencies();
    long firstDue = Long.MAX_VALUE;
    long lastVisible = Long.MIN_VALUE;
    int lost = 0;
    for (int i = 0; i < n; i++) {
      Created c = created.get(BusinessKey.member(year, members.get(i)));
      long due = sent.dueEpochNanos()[i];
      firstDue = Math.min(firstDue, due);
      if (c == null) {
        lost++;
        continue;
      }
      long at = c.committedEpochNanos() != null ? c.committedEpochNanos() : c.createdEpochNanos();
      visible.record(at - due);
      engineClock.record(c.createdEpochNanos() - due);
      lastVisible = Math.max(lastVisible, at);
    }
    double handled =
        visible.count() == 0 ? Double.NaN : visible.count() / ((lastVisible - firstDue) / 1e9);
    String how =
        commitTimes
            ? "due → commit of the branch-review task (pg_xact_commit_timestamp)"
            : "due → act_ru_task.create_time_ (track_commit_timestamp is off: a few ms early)";
    String prefix = "event." + rate + ".";
    log.info(
        "  {} of {} tasks created{}; p50 {} ms, p99 {} ms, {} events/s handled, sender lag max {} ms",
        n - lost,
        n,
        all ? "" : " (timed out)",
        Results.number(visible.percentileMillis(50)),
        Results.number(visible.percentileMillis(99)),
        Results.number(handled),
        Results.number(sent.maxLagNanos() / 1e6));

    results.add(
        Figure.of(prefix + "p50", visible.percentileMillis(50), "ms", n + " events, " + how)
            .against(results.get("baseline.full.complete.1t.p50")));
    Figure p99 =
        Figure.of(
                prefix + "p99",
                visible.percentileMillis(99),
                "ms",
                how
                    + "; by the engine's create_time_ instead: p99 "
                    + Results.number(engineClock.percentileMillis(99))
                    + " ms; sender at most "
                    + Results.number(sent.maxLagNanos() / 1e6)
                    + " ms late")
            .against(results.get("baseline.full.complete.1t.p99"));
    results.add(rate == 200 ? p99.targetValueAtMost(500) : p99);
    results.add(
        Figure.of(
                prefix + "handled",
                handled,
                "events/s",
                "tasks created ÷ (last commit − first event due); offered " + rate + "/s")
            .against(results.get("baseline.full.complete.1t")));
    if (cpu != null) {
      results.add(
          Figure.of(
                  prefix + "cpu",
                  cpuPerEvent,
                  "cpu-ms/op",
                  "CPU of "
                      + cpu.description()
                      + " per event, from the first send until the last task was created; "
                      + shares
                      + ". "
                      + database)
              .against(engineReference(results, ".cpu")));
    }
    results.add(Probe.figure("event." + rate, sqlPerEvent, engineReference(results, ".sql")));
    results.add(
        Figure.of(
                prefix + "lost",
                lost,
                "events",
                "no branch-review task within " + timeout.toSeconds() + " s")
            .targetValueAtMost(0));
  }

  /**
   * The bare engine's own part of an event to task, {@code baseline.full.correlate.1t<suffix>} (a correlation into an
   * event-based gateway creating a task with a candidate group); a bare completion's figure in results without it.
   */
  static Figure engineReference(Results results, String suffix) {
    Figure correlation = results.get("baseline.full.correlate.1t" + suffix);
    return correlation != null ? correlation : results.get("baseline.full.complete.1t" + suffix);
  }

  /** Sends one comment per member at {@code rate}; fails if the broker refused any. */
  private static OpenLoop.Sent send(MemberEvents events, List<String> members, int year, int rate)
      throws Exception {
    List<Future<RecordMetadata>> futures = new ArrayList<>(members.size());
    OpenLoop.Sent sent =
        OpenLoop.run(
            members.size(),
            rate,
            i -> futures.add(events.sendResidenceFeedback(members.get(i), year)));
    events.flush();
    for (Future<RecordMetadata> f : futures) {
      f.get();
    }
    return sent;
  }

  /**
   * Members (ids) of the organizations matching {@code keyPattern} ({@code <year>:<prefix>%}) whose evaluation waits
   * at the event-based gateway for the comment, in business-key order.
   */
  static List<String> waitingMembers(DataSource data, String keyPattern) {
    return Sql.list(
        data,
        """
                select e.business_key_ from act_ru_event_subscr s join act_ru_execution e on e.id_ = s.proc_inst_id_
                where s.event_name_ = ? and e.business_key_ like ? order by e.business_key_""",
        rs -> BusinessKey.memberOf(rs.getString(1)),
        WAIT_MESSAGE,
        keyPattern);
  }

  /**
   * Brings {@code count} more members to the wait state: each member's self-review is completed through the domain
   * API by the member (the task's assignee; only they hold it, an administrator is no seat), signing in with an
   * engine account made first as {@code admin} where they have none (the task ids and assignees read from the engine
   * tables), with {@code threads} workers. Set-up, reported without a target.
   */
  private static void bringToFeedbackWait(
      EvaluationClient client,
      String admin,
      DataSource data,
      String keyPattern,
      int count,
      int threads,
      Results results) {
    List<String[]> tasks =
        Sql.list(
            data,
            """
                select t.id_, t.assignee_ from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
                where t.task_def_key_ = 'self-review' and e.business_key_ like ? order by e.business_key_ limit ?""",
            rs -> new String[] {rs.getString(1), rs.getString(2)},
            keyPattern,
            count);
    Load.Measurement accounts =
        Load.run(tasks.size(), threads, i -> account(client, admin, tasks.get(i)[1]));
    EngineDirectory.failOnErrors("member accounts for the self-reviews", accounts);
    EngineDirectory.signedInOnce(data, tasks.stream().map(t -> t[1]).toList());
    log.info(
        "Event to task: completing {} self-reviews through the API as their members (set-up)",
        tasks.size());
    Load.Measurement m =
        Load.run(
            tasks.size(),
            threads,
            i ->
                EvaluationClient.expect(
                    client.post(
                        "/api/v1/tasks/" + tasks.get(i)[0] + "/complete",
                        EvaluationClient.basic(tasks.get(i)[1], EngineDirectory.PASSWORD),
                        EvaluationClient.SELF_REVIEW),
                    204,
                    "complete self-review " + tasks.get(i)[0]));
    EngineDirectory.failOnErrors("completing self-reviews", m);
    results.add(
        Figure.of(
            "setup.event.self-reviews",
            m.perSecond(),
            "completions/s",
            tasks.size()
                + " self-reviews completed by their members through the API, "
                + threads
                + " threads, to reach the wait state"
                + " (set-up, no target)"));
  }

  /** The member's engine account with the bench's password, made as {@code admin} unless it is there already. */
  private static void account(EvaluationClient client, String admin, String userId)
      throws Exception {
    if (client.get("/engine-rest/user/" + userId + "/profile", admin).statusCode() == 200) {
      return;
    }
    EngineDirectory.createUser(client, admin, userId, userId + "@bench.example.vn");
  }

  /** Waits until every member has a branch-review task; false on timeout. */
  static boolean awaitTasks(DataSource data, int year, List<String> members, Duration timeout)
      throws InterruptedException {
    List<String> keys = members.stream().map(m -> BusinessKey.member(year, m)).toList();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long n =
          Sql.count(
              data,
              """
                    select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
                    where t.task_def_key_ = ? and e.business_key_ = any (?)""",
              NEXT_TASK,
              keys);
      if (n >= keys.size()) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        log.warn("Only {} of {} branch-review tasks after {}", n, keys.size(), timeout);
        return false;
      }
      Thread.sleep(250);
    }
  }

  static List<Created> createdTasks(
      DataSource data, int year, List<String> members, boolean commitTimes) {
    List<String> keys = members.stream().map(m -> BusinessKey.member(year, m)).toList();
    return Sql.list(
        data,
        """
                select e.business_key_, t.create_time_, %s
                from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
                where t.task_def_key_ = ? and e.business_key_ = any (?)"""
            .formatted(commitTimes ? "pg_xact_commit_timestamp(t.xmin)" : "null::timestamptz"),
        rs -> {
          // create_time_ is a timestamp without time zone written by the service's JVM in its
          // default zone;
          // read back in this JVM's (same machine, same zone)
          Timestamp createdAt = rs.getTimestamp(2);
          OffsetDateTime committed = rs.getObject(3, OffsetDateTime.class);
          return new Created(
              rs.getString(1),
              OpenLoop.epochNanos(createdAt.toInstant()),
              committed == null ? null : OpenLoop.epochNanos(committed.toInstant()));
        },
        NEXT_TASK,
        keys);
  }

  /** Business keys of member-evaluation: {@code {year}:{memberId}} (docs/contracts.md). */
  static final class BusinessKey {
    private BusinessKey() {}

    static String member(int year, String memberId) {
      return year + ":" + memberId;
    }

    static String memberOf(String businessKey) {
      int colon = businessKey.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("not a member-evaluation business key: " + businessKey);
      }
      return businessKey.substring(colon + 1);
    }
  }
}
