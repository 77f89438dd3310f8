package vn.party.bench;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.party.localstack.CampaignRequest;

/**
 * Step 5 of issue 6, the whole member lifecycle, end to end, on one or several evaluation-service nodes: a campaign
 * is opened for a generated organization whose members, branch secretaries and committee are engine users with
 * e-mail addresses; from then on the bench plays every person, reacting to the notices on {@code evaluation.events}
 * as people react to their e-mails (each {@code task.assigned} names the task):
 * <ul>
 *   <li>the member: {@code GET /api/v1/tasks}, then {@code POST /api/v1/tasks/{id}/complete} with a self-review;
 *   then the residence-area committee sends the member's comment as a Kafka CloudEvent;</li>
 *   <li>the branch secretary (in the branch committee group): completes the branch review;</li>
 *   <li>the grassroots committee user: approves the decision.</li>
 * </ul>
 * Every request goes through the public API with HTTP Basic as that person; with several nodes they take turns.
 * A member is done when its {@code member.decided} event is out, and the run when the SMTP server (GreenMail of the
 * local stack) holds every e-mail notification-service owes: four per member (self-review and decision to the
 * member, branch review to the secretary, committee decision to the committee user). The time runs from the
 * campaign's POST to that moment. Then the results are checked in the database.
 */
final class Lifecycle {

  private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);
  static final int MAILS_PER_MEMBER = 4;

  record Node(String name, EvaluationClient client) {}

  /** Organizations generated and their people created, ready to launch. */
  record Prepared(List<EngineDirectory.People> organizations) {
    int members() {
      return organizations.stream().mapToInt(o -> o.members().size()).sum();
    }
  }

  private Lifecycle() {}

  /** Generates {@code organizationIds} with {@code perOrganization} members each and creates their people. */
  static Prepared prepare(
      EvaluationClient client,
      String admin,
      DataSource data,
      List<String> organizationIds,
      int perOrganization,
      int branchSize,
      int threads,
      Results results,
      String prefix) {
    List<EngineDirectory.People> organizations = new ArrayList<>();
    long t0 = System.nanoTime();
    int users = 0;
    for (String organization : organizationIds) {
      OrganizationGenerator.generate(
          data,
          organization,
          perOrganization,
          branchSize,
          EngineDirectory.People.domainOf(organization));
      EngineDirectory.People people =
          EngineDirectory.People.of(
              organization,
              OrganizationGenerator.memberIds(data, organization, perOrganization),
              branchSize);
      EngineDirectory.create(client, admin, data, people, threads);
      users += people.users().size();
      organizations.add(people);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    log.info(
        "{}: {} organizations, {} users and their committee groups created in {} s",
        prefix,
        organizations.size(),
        users,
        Results.number(seconds));
    results.add(
        Figure.of(
            "setup." + prefix + ".people",
            users / seconds,
            "users/s",
            users
                + " engine users (+ committee groups and memberships) via the engine REST API, "
                + threads
                + " threads (set-up, no target)"));
    return new Prepared(organizations);
  }

  /** Runs the lifecycle of every prepared member; organization i is launched through node i mod nodes. */
  static void run(
      String prefix,
      List<Node> nodes,
      Prepared prepared,
      String admin,
      DataSource data,
      MemberEvents events,
      String kafkaBootstrap,
      GreenMail greenMail,
      int year,
      int users,
      Results results,
      CpuMeter cpu,
      Probe probe)
      throws Exception {
    int total = prepared.members();
    Map<String, String> groupUser = new HashMap<>();
    Set<String> members = new HashSet<>();
    Set<String> domains = new HashSet<>();
    List<String> organizationIds = new ArrayList<>();
    for (EngineDirectory.People o : prepared.organizations()) {
      o.memberships().forEach(pair -> groupUser.put(pair[0], pair[1]));
      members.addAll(o.members());
      domains.add(o.domain());
      organizationIds.add(o.organizationId());
    }

    Map<String, Long> noticed = new ConcurrentHashMap<>();
    Map<String, Long> decided = new ConcurrentHashMap<>();
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    AtomicLong turn = new AtomicLong();
    Map<String, AtomicInteger> requestsByNode = new LinkedHashMap<>();
    nodes.forEach(n -> requestsByNode.put(n.name(), new AtomicInteger()));
    Latencies posts = new Latencies();
    ExecutorService people = Executors.newFixedThreadPool(users);

    int mailsBefore = greenMail.getReceivedMessages().length;
    Timestamp startedAt = Timestamp.from(Instant.now().minusSeconds(1));
    Notices notices =
        Notices.start(
            kafkaBootstrap,
            notice -> {
              if (notice.memberId() == null || !members.contains(notice.memberId())) {
                return;
              }
              if (Notices.MEMBER_DECIDED.equals(notice.type())) {
                decided.putIfAbsent(notice.memberId(), System.nanoTime());
                return;
              }
              if (!Notices.TASK_ASSIGNED.equals(notice.type()) || notice.taskId() == null) {
                return;
              }
              String user =
                  notice.assignee() != null
                      ? notice.assignee()
                      : groupUser.get(notice.candidateGroup());
              if (user == null) {
                return;
              }
              if ("self-review".equals(notice.taskKey())) {
                noticed.putIfAbsent(notice.memberId(), System.nanoTime());
              }
              people.submit(
                  () -> {
                    Node node = nodes.get((int) (turn.getAndIncrement() % nodes.size()));
                    requestsByNode.get(node.name()).incrementAndGet();
                    try {
                      act(node.client(), notice, user, events, year, posts);
                    } catch (Exception | AssertionError e) {
                      errors.incrementAndGet();
                      firstError.compareAndSet(null, node.name() + ": " + e);
                    }
                  });
            });

    long c0 = cpu == null ? 0 : cpu.cpuNanos();
    long[] s0 = cpu == null ? null : cpu.cpuNanosByRoot();
    PgStats.Snapshot pg0 = PgStats.take(data);
    Probe.Phase phase = probe == null ? null : probe.begin(prefix.replace('.', '-'));
    long t0 = System.nanoTime();
    int expectedMails = MAILS_PER_MEMBER * total;
    long tEnd;
    try {
      for (int i = 0; i < prepared.organizations().size(); i++) {
        EngineDirectory.People o = prepared.organizations().get(i);
        Node node = nodes.get(i % nodes.size());
        EvaluationClient.expect(
            node.client()
                .post("/api/v1/campaigns", admin, CampaignRequest.of(o.organizationId(), year)),
            201,
            "POST /api/v1/campaigns for " + o.organizationId() + " to " + node.name());
      }
      log.info(
          "{}: {} members of {} launched through {}; the bench plays every person with {} threads",
          prefix,
          total,
          organizationIds,
          nodes.stream().map(Node::name).toList(),
          users);
      Duration timeout = Duration.ofMinutes(5).plusMillis(500L * total);
      long deadline = t0 + timeout.toNanos();
      long nextReport = t0 + TimeUnit.SECONDS.toNanos(10);
      while (true) {
        int mails = greenMail.getReceivedMessages().length - mailsBefore;
        long now = System.nanoTime();
        if (decided.size() >= total && mails >= expectedMails) {
          tEnd = now;
          break;
        }
        if (now > deadline) {
          tEnd = now;
          log.warn(
              "{}: timed out after {}: {} of {} decided, {} of {} e-mails, {} errors (first: {})",
              prefix,
              timeout,
              decided.size(),
              total,
              mails,
              expectedMails,
              errors.get(),
              firstError.get());
          break;
        }
        if (now > nextReport) {
          log.info(
              "  {}: {} s: {} self-reviews noticed, {} decided, {} e-mails, {} errors",
              prefix,
              Results.number((now - t0) / 1e9),
              noticed.size(),
              decided.size(),
              mails,
              errors.get());
          nextReport = now + TimeUnit.SECONDS.toNanos(10);
        }
        Thread.sleep(250);
      }
    } finally {
      notices.close();
      people.shutdown();
      people.awaitTermination(1, TimeUnit.MINUTES);
    }
    double seconds = (tEnd - t0) / 1e9;
    double cpuPerMember = cpu == null ? Double.NaN : cpu.msPerOperation(c0, total);
    // the shares before the phase's end: stopping the recordings costs the services CPU too
    String shares = cpu == null ? "" : cpu.shares(s0);
    double sqlPerMember = phase == null ? Double.NaN : phase.end(total);
    String database = PgStats.since(data, pg0, total);
    log.info("  {}", database);
    Latencies memberTimes = new Latencies();
    noticed.forEach(
        (member, at) -> {
          Long done = decided.get(member);
          if (done != null) {
            memberTimes.record(done - at);
          }
        });
    Mails mails = mails(greenMail, domains);
    double rate =
        decided.size() >= total && mails.count() >= expectedMails ? total / seconds : Double.NaN;
    log.info(
        "{}: {} members in {} s ({} members/s), {} e-mails, {} errors",
        prefix,
        total,
        Results.number(seconds),
        Results.number(rate),
        mails.count(),
        errors.get());

    boolean oneNode = nodes.size() == 1;
    Figure rateFigure =
        Figure.of(
            prefix + ".rate",
            rate,
            "members/s",
            total
                + " members on "
                + nodes.size()
                + " node(s), "
                + users
                + " virtual users: campaign POST → every member decided and its "
                + MAILS_PER_MEMBER
                + " e-mails in GreenMail");
    results.add(
        oneNode
            ? rateFigure
                .against(results.get("baseline.full.complete." + users + "t"))
                .targetValueAtLeast(50)
            : rateFigure.against(results.get("lifecycle.1node.rate")));
    results.add(Figure.of(prefix + ".time", seconds, "s", organizationIds.toString()));
    long lastDecided = decided.values().stream().mapToLong(Long::longValue).max().orElse(tEnd);
    Figure decidedRate =
        Figure.of(
            prefix + ".decided-rate",
            decided.size() >= total ? total / ((lastDecided - t0) / 1e9) : Double.NaN,
            "members/s",
            "campaign POST → the last"
                + " member.decided event, not waiting for the e-mails: what the evaluation side did; the rest"
                + " of .rate's time is notification-service's e-mails");
    results.add(
        oneNode ? decidedRate : decidedRate.against(results.get("lifecycle.1node.decided-rate")));
    if (cpu != null) {
      results.add(
          Figure.of(
                  prefix + ".cpu",
                  cpuPerMember,
                  "cpu-ms/op",
                  "CPU of "
                      + cpu.description()
                      + " per member, launch to last e-mail; "
                      + shares
                      + ". "
                      + database)
              .against(
                  results.get(
                      oneNode
                          ? "baseline.full.complete." + users + "t.cpu"
                          : "lifecycle.1node.cpu")));
    }
    if (phase != null) {
      results.add(Probe.figure(prefix, sqlPerMember, null));
    }
    results.add(
        Figure.of(
            prefix + ".member.p50",
            memberTimes.percentileMillis(50) / 1000,
            "s",
            "one member's time from its self-review notice to its member.decided event"));
    results.add(
        Figure.of(
            prefix + ".member.p99",
            memberTimes.percentileMillis(99) / 1000,
            "s",
            "POST complete latency over all steps: p50 "
                + Results.number(posts.percentileMillis(50))
                + " ms, p95 "
                + Results.number(posts.percentileMillis(95))
                + " ms"));
    results.add(
        Figure.of(
                prefix + ".errors",
                errors.get(),
                "requests",
                firstError.get() == null ? "none" : "first: " + firstError.get())
            .targetValueAtMost(0));
    if (!oneNode) {
      requestsByNode.forEach(
          (node, n) ->
              results.add(
                  Figure.of(
                      prefix + ".requests." + node,
                      n.get(),
                      "tasks",
                      "tasks completed through this node (GET + POST for self-reviews)")));
    }
    check(
        prefix,
        data,
        year,
        organizationIds,
        prepared,
        total,
        mails,
        expectedMails,
        startedAt,
        oneNode,
        results);
  }

  private static void act(
      EvaluationClient client,
      Notices.Notice notice,
      String user,
      MemberEvents events,
      int year,
      Latencies posts)
      throws Exception {
    String auth = EvaluationClient.basic(user, EngineDirectory.PASSWORD);
    Map<String, Object> values =
        switch (notice.taskKey()) {
          case "self-review" -> EvaluationClient.SELF_REVIEW;
          case "branch-review" ->
              Map.of(
                  "branchProposedLevel",
                  "GOOD",
                  "eligibleVoters",
                  9,
                  "votesExcellent",
                  0,
                  "votesGood",
                  9,
                  "votesCompleted",
                  0,
                  "votesNotCompleted",
                  0);
          case "committee-decision" -> Map.of("decision", "APPROVE", "decidedLevel", "GOOD");
          default -> throw new IllegalStateException("unexpected task " + notice.taskKey());
        };
    if ("self-review".equals(notice.taskKey())) {
      // the member opens their work list first, as in step 3
      HttpResponse<String> list = client.get("/api/v1/tasks", auth);
      EvaluationClient.expect(list, 200, "GET /api/v1/tasks as " + user);
    }
    long t0 = System.nanoTime();
    HttpResponse<String> done =
        client.post("/api/v1/tasks/" + notice.taskId() + "/complete", auth, values);
    posts.record(System.nanoTime() - t0);
    EvaluationClient.expect(done, 204, notice.taskKey() + " " + notice.taskId() + " as " + user);
    if ("self-review".equals(notice.taskKey())) {
      events.sendResidenceFeedback(notice.memberId(), year);
    }
  }

  /** E-mails received for addresses in {@code domains}: how many, and how many distinct (Message-ID, recipient). */
  record Mails(int count, int distinct) {}

  static Mails mails(GreenMail greenMail, Set<String> domains) {
    int count = 0;
    Set<String> distinct = new HashSet<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      try {
        Address[] to = m.getAllRecipients();
        for (Address a : to == null ? new Address[0] : to) {
          String address = ((InternetAddress) a).getAddress().toLowerCase();
          if (domains.contains(address.substring(address.indexOf('@') + 1))) {
            count++;
            distinct.add(m.getMessageID() + " " + address);
          }
        }
      } catch (Exception e) {
        throw new IllegalStateException("cannot read a received e-mail: " + e, e);
      }
    }
    return new Mails(count, distinct.size());
  }

  /**
   * Every member exactly one evaluation and one process instance, decided once; every task completed once; no job
   * executed twice (since the phase started); every e-mail once.
   */
  private static void check(
      String prefix,
      DataSource data,
      int year,
      List<String> organizationIds,
      Prepared prepared,
      int total,
      Mails mails,
      int expectedMails,
      Timestamp since,
      boolean oneNode,
      Results results) {
    List<String> members = new ArrayList<>();
    prepared.organizations().forEach(o -> members.addAll(o.members()));
    List<String> keys = members.stream().map(m -> EventToTask.BusinessKey.member(year, m)).toList();
    long evaluations =
        Sql.count(
            data,
            "select count(*) from evaluation.member_evaluation where year = ? and organization_id = any (?)",
            year,
            organizationIds);
    long decidedOnce =
        Sql.count(
            data,
            """
                select count(*) from evaluation.member_evaluation
                where year = ? and organization_id = any (?) and decided_level is not null and status = 'DECIDED'""",
            year,
            organizationIds);
    long instances =
        Sql.count(
            data,
            """
                select count(*) from act_hi_procinst where proc_def_key_ = 'member-evaluation' and business_key_ = any (?)""",
            keys);
    long completions =
        Sql.count(
            data,
            """
                select count(*) from evaluation.timeline_entry where kind = 'TASK_COMPLETED' and year = ?
                and member_id = any (?)""",
            year,
            members);
    long distinctCompletions =
        Sql.count(
            data,
            """
                select count(distinct task_id) from evaluation.timeline_entry where kind = 'TASK_COMPLETED' and year = ?
                and member_id = any (?)""",
            year,
            members);
    long completedTasks =
        Sql.count(
            data,
            """
                select count(*) from act_hi_taskinst t join act_hi_procinst p on p.id_ = t.proc_inst_id_
                where p.business_key_ = any (?) and t.end_time_ is not null""",
            keys);
    long jobsTwice =
        Sql.count(
            data,
            """
                select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 and timestamp_ >= ?
                group by job_id_ having count(*) > 1) d""",
            since);
    List<String[]> jobsByHost =
        Sql.list(
            data,
            """
                select coalesce(hostname_, '?'), count(*) from act_hi_job_log where job_state_ = 2 and timestamp_ >= ?
                group by hostname_ order by 1""",
            rs -> new String[] {rs.getString(1), rs.getString(2)},
            since);

    String c = prefix + ".check.";
    results.add(
        Figure.of(
                c + "evaluations-wrong",
                Math.abs(evaluations - total) + Math.abs(instances - total),
                "members",
                evaluations
                    + " evaluation records and "
                    + instances
                    + " process instances for "
                    + total
                    + " members (each must have exactly one)")
            .targetValueAtMost(0));
    results.add(
        Figure.of(
                c + "not-decided",
                total - decidedOnce,
                "members",
                decidedOnce + " of " + total + " decided (status DECIDED with a level)")
            .targetValueAtMost(0));
    results.add(
        Figure.of(
                c + "tasks-completed-twice",
                (completions - distinctCompletions) + Math.max(0, completedTasks - 3L * total),
                "tasks",
                completions
                    + " completions on the timeline, "
                    + distinctCompletions
                    + " distinct tasks; "
                    + completedTasks
                    + " ended tasks in the engine's"
                    + " history for 3 × "
                    + total)
            .targetValueAtMost(0));
    results.add(
        Figure.of(
                c + "jobs-executed-twice",
                jobsTwice,
                "jobs",
                "act_hi_job_log since the phase began; by "
                    + "node: "
                    + jobsByHost.stream().map(r -> r[0] + "=" + r[1]).toList())
            .targetValueAtMost(0));
    results.add(
        Figure.of(
                c + "emails-missing",
                Math.max(0, expectedMails - mails.distinct()),
                "e-mails",
                mails.count() + " received, " + expectedMails + " expected")
            .targetValueAtMost(0));
    results.add(
        Figure.of(
                c + "emails-duplicated",
                mails.count() - mails.distinct(),
                "e-mails",
                "same Message-ID to the same recipient twice")
            .targetValueAtMost(0));
    if (!oneNode) {
      jobsByHost.forEach(
          r ->
              results.add(
                  Figure.of(
                      prefix + ".jobs." + r[0],
                      Double.parseDouble(r[1]),
                      "jobs",
                      "jobs executed by this node (hostname_ in act_hi_job_log) during the phase")));
    }
  }
}
