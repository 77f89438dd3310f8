package vn.party.evaluation.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.party.evaluation.process.DecisionStage;
import vn.party.evaluation.rules.Level;

/** campaign and campaign_member rows. */
@Component
public class Campaigns {

  private final JdbcClient jdbc;

  /** Roster rows per insert: 7 parameters each, far below the driver's 32,767. */
  private static final int ROSTER_ROWS_PER_STATEMENT = 1000;

  private final JdbcTemplate batch;

  public Campaigns(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  public Optional<Campaign> find(UUID id) {
    return jdbc.sql("select * from evaluation.campaign where id = :id")
        .param("id", id)
        .query(Campaign.class)
        .optional();
  }

  public Optional<UUID> idOf(String organizationId, int year) {
    return jdbc.sql(
            "select id from evaluation.campaign where organization_id = :org and year = :year")
        .param("org", organizationId)
        .param("year", year)
        .query(UUID.class)
        .optional();
  }

  /** Campaigns newest first, of one organization or (null) of all; at most {@code limit}. */
  public List<Campaign> list(String organizationId, int limit) {
    return jdbc.sql(
            "select * from evaluation.campaign"
                + (organizationId == null ? "" : " where organization_id = :org")
                + " order by year desc, organization_id limit :limit")
        .params(
            organizationId == null
                ? Map.of("limit", limit)
                : Map.of("org", organizationId, "limit", limit))
        .query(Campaign.class)
        .list();
  }

  public boolean exists(String organizationId, int year) {
    return jdbc.sql(
                "select count(*) from evaluation.campaign where organization_id = :org and year = :year")
            .param("org", organizationId)
            .param("year", year)
            .query(Integer.class)
            .single()
        > 0;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void insert(UUID id, NewCampaign campaign, String createdBy) {
    jdbc.sql(
            """
            insert into evaluation.campaign (id, organization_id, year, regulation, self_review_due, residence_feedback_due,
                                  unit_assessment_due, branch_review_due, decision_due, status, created_by)
            values (:id, :org, :year, :regulation, :selfDue, :feedbackDue, :unitDue, :branchDue, :decisionDue, 'LAUNCHING',
                    :by)""")
        .param("id", id)
        .param("org", campaign.organizationId())
        .param("year", campaign.year())
        .param("regulation", campaign.regulation().code())
        .param("selfDue", campaign.selfReviewDue())
        .param("feedbackDue", campaign.residenceFeedbackDue())
        .param("unitDue", campaign.unitAssessmentDue())
        .param("branchDue", campaign.branchReviewDue())
        .param("decisionDue", campaign.decisionDue())
        .param("by", createdBy)
        .update();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void attachProcess(UUID id, String processInstanceId) {
    jdbc.sql("update evaluation.campaign set process_instance_id = :pi where id = :id")
        .param("pi", processInstanceId)
        .param("id", id)
        .update();
  }

  /** A member of the campaign's organization, with the facts the eligibility rules read. */
  record Candidate(
      String memberId,
      String membership,
      boolean exempted,
      boolean suspended,
      LocalDate admittedOn,
      String headOf) {}

  /** What the eligibility rules said of one member, and the unit the member heads (null: none). */
  record RosterEntry(
      String memberId,
      boolean rated,
      String reason,
      String formKind,
      String ruleId,
      String headOf) {}

  List<Candidate> candidates(UUID id) {
    return jdbc.sql(
            """
            select m.id as member_id, m.membership, m.exempted, m.suspended, m.admitted_on, m.head_of
            from evaluation.campaign c
            join evaluation.branch b on b.organization_id = c.organization_id
            join evaluation.party_member m on m.branch_id = b.id and m.status = 'ACTIVE'
            where c.id = :id order by m.id""")
        .param("id", id)
        .query(Candidate.class)
        .list();
  }

  /**
   * Puts every member on the roster once — rated ones PENDING, the others NOT_RATED with the reason — so that
   * re-running after a crash adds nobody twice; then counts both.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  int prepareRoster(UUID id, List<RosterEntry> entries) {
    // many rows per statement (issue 15: a statement per member was a launch's largest share
    // of the domain's statements after the engine's)
    for (int from = 0; from < entries.size(); from += ROSTER_ROWS_PER_STATEMENT) {
      List<RosterEntry> rows =
          entries.subList(from, Math.min(entries.size(), from + ROSTER_ROWS_PER_STATEMENT));
      List<Object> args = new ArrayList<>();
      for (RosterEntry entry : rows) {
        args.addAll(
            Arrays.asList(
                id,
                entry.memberId(),
                entry.rated() ? "PENDING" : "NOT_RATED",
                entry.reason(),
                entry.formKind(),
                entry.ruleId(),
                entry.headOf()));
      }
      batch.update(
          """
          insert into evaluation.campaign_member (campaign_id, member_id, status, reason, form_kind, rule_id, head_of)
          values %s on conflict do nothing"""
              .formatted(
                  String.join(", ", Collections.nCopies(rows.size(), "(?, ?, ?, ?, ?, ?, ?)"))),
          args.toArray());
    }
    return jdbc.sql(
            """
            update evaluation.campaign set roster_prepared = true,
              members_total = (select count(*) from evaluation.campaign_member
                               where campaign_id = :id and status <> 'NOT_RATED'),
              members_not_rated = (select count(*) from evaluation.campaign_member
                                   where campaign_id = :id and status = 'NOT_RATED')
            where id = :id returning members_total""")
        .param("id", id)
        .query(Integer.class)
        .single();
  }

  public Map<String, Integer> notRatedByReason(UUID id) {
    Map<String, Integer> counts = new TreeMap<>();
    jdbc.sql(
            """
            select reason, count(*) as n from evaluation.campaign_member
            where campaign_id = :id and status = 'NOT_RATED' group by reason""")
        .param("id", id)
        .query((rs, i) -> counts.put(rs.getString("reason"), rs.getInt("n")))
        .list();
    return counts;
  }

  /**
   * Counts a launch batch's members as started. The campaign row is written as the transaction's last statement,
   * just before its commit: a batch's engine rows are written when its job's engine command ends, after the batch
   * starter has returned, and a lock on the campaign row taken before them would make the other lanes of the launch
   * wait for them (each lane adds its batches to this same row). Outside a Spring transaction synchronization (none
   * in this service) it is written at once.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void markStarted(UUID id, int count) {
    if (count == 0) {
      return;
    }
    Runnable add =
        () ->
            jdbc.sql(
                    "update evaluation.campaign set members_started = members_started + :n where id = :id")
                .param("n", count)
                .param("id", id)
                .update();
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      add.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void beforeCommit(boolean readOnly) {
            add.run();
          }
        });
  }

  /** Rated members of the campaign's roster not started yet (PENDING). */
  int pendingMembers(UUID id) {
    return jdbc.sql(
            "select count(*) from evaluation.campaign_member where campaign_id = :id and status = 'PENDING'")
        .param("id", id)
        .query(Integer.class)
        .single();
  }

  /**
   * Every rated member started: the campaign leaves LAUNCHING for RUNNING. Conditional, so that only the first call
   * changes it.
   *
   * @return whether this call changed it
   */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean markLaunched(UUID id) {
    return jdbc.sql(
                "update evaluation.campaign set status = 'RUNNING' where id = :id and status = 'LAUNCHING'")
            .param("id", id)
            .update()
        == 1;
  }

  /**
   * Opens a stage of the member decisions: records it on the campaign (so that the decision completing it sends the
   * stage's message) and says whether every member of the stage is decided already. The campaign row's lock orders
   * this with {@link #memberDecided}: whichever comes second sees the other.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean openStage(UUID id, DecisionStage stage) {
    jdbc.sql("update evaluation.campaign set decision_stage = :stage where id = :id")
        .param("stage", stage.name())
        .param("id", id)
        .update();
    return !anyUndecided(id, stage);
  }

  /**
   * The stage whose members are all decided now, if the campaign has opened one and it is complete; {@code campaign}
   * as {@link #memberDecided} returned it, in the same transaction (its row locked, its stage current). A campaign
   * launched before the stages existed has none open and waits for all its members: then ALL, once every member is
   * decided.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<DecisionStage> completedStage(Campaign campaign) {
    if (campaign.decisionStage() == null) {
      return campaign.rosterPrepared() && campaign.membersDecided() >= campaign.membersTotal()
          ? Optional.of(DecisionStage.ALL)
          : Optional.empty();
    }
    DecisionStage stage = DecisionStage.valueOf(campaign.decisionStage());
    return anyUndecided(campaign.id(), stage) ? Optional.empty() : Optional.of(stage);
  }

  /**
   * Whether a rated member of the stage is not decided yet ({@link DecisionStage#heads} says which heads belong to
   * it). Every decision asks, so the first one found answers, not a count: the first undecided member by id, which
   * the index campaign_member_undecided_by_member (V99) gives at once. (As {@code exists (...)} PostgreSQL took a
   * sequential scan for the cheaper way to a first match when many rows were undecided, and read the other open
   * campaigns' rows first.)
   */
  private boolean anyUndecided(UUID id, DecisionStage stage) {
    return jdbc.sql(
            """
            select (select member_id from evaluation.campaign_member
              where campaign_id = :id and status in ('PENDING', 'STARTED')
                and (head_of is null or head_of = any(:heads))
              order by member_id limit 1) is not null""")
        .param("id", id)
        .param("heads", stage.heads().toArray(String[]::new))
        .query(Boolean.class)
        .single();
  }

  /**
   * A movement takes a member off the rated roster before a decision (left the Party, died, transferred elsewhere):
   * NOT_RATED with the reason, the campaign's counts follow. Empty when the member is not on a rated, undecided line
   * of the campaign. The roster row is locked first, so a launch batch starting the member is waited for; the
   * campaign row's lock then orders this with {@link #memberDecided}, so the caller may ask {@link #completedStage}.
   *
   * @return the campaign as it is now, and whether the member had been started
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Withdrawal> memberWithdrawn(UUID id, String memberId, String reasonCode) {
    Optional<String> before =
        jdbc.sql(
                """
            select status from evaluation.campaign_member
            where campaign_id = :id and member_id = :member and status in ('PENDING', 'STARTED') for update""")
            .param("id", id)
            .param("member", memberId)
            .query(String.class)
            .optional();
    if (before.isEmpty()) {
      return Optional.empty();
    }
    jdbc.sql(
            """
            update evaluation.campaign_member set status = 'NOT_RATED', reason = :reason, rule_id = 'movement'
            where campaign_id = :id and member_id = :member""")
        .param("reason", reasonCode)
        .param("id", id)
        .param("member", memberId)
        .update();
    boolean started = "STARTED".equals(before.get());
    Campaign campaign =
        jdbc.sql(
                """
            update evaluation.campaign set members_total = members_total - 1,
              members_not_rated = members_not_rated + 1,
              members_started = members_started - case when :started then 1 else 0 end
            where id = :id returning *""")
            .param("started", started)
            .param("id", id)
            .query(Campaign.class)
            .single();
    return Optional.of(new Withdrawal(campaign, started));
  }

  /** What {@link #memberWithdrawn} left: the campaign now, and whether the member's evaluation had been started. */
  public record Withdrawal(Campaign campaign, boolean started) {}

  /**
   * Marks the member decided and counts them for the campaign, then hands {@code counted} the campaign as counted,
   * under its row lock (which orders concurrent decisions and withdrawals, so it may ask {@link #completedStage}).
   * The count is written as the transaction's last statements, just before its commit, as {@link #markStarted} does:
   * taken mid-transaction, the campaign row's lock made every other decision of the campaign wait for the rest of
   * this one (the engine's flush of the completed process), 1.5 s of lock wait per member in the bench's lifecycle at
   * 20 users. Several decisions of one campaign in one transaction are counted together, and {@code counted} runs
   * once for them (the last one given).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void memberDecided(UUID id, String memberId, Consumer<Campaign> counted) {
    jdbc.sql(
            "update evaluation.campaign_member set status = 'DECIDED' where campaign_id = :id and member_id = :member")
        .param("id", id)
        .param("member", memberId)
        .update();
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      counted.accept(countDecided(id, 1));
      return;
    }
    DecisionsToCount pending =
        (DecisionsToCount) TransactionSynchronizationManager.getResource(DecisionsToCount.class);
    if (pending == null) {
      DecisionsToCount created = new DecisionsToCount();
      TransactionSynchronizationManager.bindResource(DecisionsToCount.class, created);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
              created.byCampaign.forEach(
                  (campaign, count) ->
                      count.counted().accept(countDecided(campaign, count.members())));
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(DecisionsToCount.class);
            }
          });
      pending = created;
    }
    pending.byCampaign.merge(
        id,
        new DecidedCount(1, counted),
        (before, added) -> new DecidedCount(before.members() + 1, added.counted()));
  }

  private Campaign countDecided(UUID id, int members) {
    return jdbc.sql(
            "update evaluation.campaign set members_decided = members_decided + :n where id = :id returning *")
        .param("n", members)
        .param("id", id)
        .query(Campaign.class)
        .single();
  }

  /** The decisions of one transaction not counted yet, per campaign (in the order first decided). */
  private static final class DecisionsToCount {
    private final Map<UUID, DecidedCount> byCampaign = new LinkedHashMap<>();
  }

  private record DecidedCount(int members, Consumer<Campaign> counted) {}

  @Transactional(propagation = Propagation.MANDATORY)
  void completed(UUID id) {
    jdbc.sql(
            "update evaluation.campaign set status = 'COMPLETED', completed_at = now() where id = :id")
        .param("id", id)
        .update();
  }

  public Map<Level, Integer> decidedByLevel(UUID id) {
    Map<Level, Integer> counts = new EnumMap<>(Level.class);
    for (Level level : Level.values()) {
      counts.put(level, 0);
    }
    jdbc.sql(
            """
            select decided_level, count(*) as n from evaluation.member_evaluation
            where campaign_id = :id and decided_level is not null group by decided_level""")
        .param("id", id)
        .query((rs, i) -> counts.put(Level.valueOf(rs.getString("decided_level")), rs.getInt("n")))
        .list();
    return counts;
  }
}
