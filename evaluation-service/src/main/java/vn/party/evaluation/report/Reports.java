package vn.party.evaluation.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.party.evaluation.collective.CollectiveEvaluation;
import vn.party.evaluation.collective.CollectiveEvaluations;
import vn.party.evaluation.report.OrganizationReport.BranchLine;
import vn.party.evaluation.rules.RuleBook;

/** Builds the yearly summary of an organization from the evaluation records and the campaign's roster. */
@Component
public class Reports {

  private final JdbcClient jdbc;
  private final RuleBook rules;
  private final CollectiveEvaluations collectives;

  public Reports(JdbcClient jdbc, RuleBook rules, CollectiveEvaluations collectives) {
    this.jdbc = jdbc;
    this.rules = rules;
    this.collectives = collectives;
  }

  private record Campaign(String organizationName, String regulation) {}

  private record Row(
      String branchId,
      String branchName,
      int excellent,
      int good,
      int completed,
      int notCompleted,
      int undecided) {}

  private record NotRated(String branchId, String reason, int n) {}

  /** The organization's report for the year, empty when the organization had no campaign that year. */
  public Optional<OrganizationReport> of(String organizationId, int year) {
    Optional<Campaign> campaign =
        jdbc.sql(
                """
            select o.name as organization_name, c.regulation from evaluation.campaign c
            join evaluation.organization o on o.id = c.organization_id
            where c.organization_id = :org and c.year = :year""")
            .param("org", organizationId)
            .param("year", year)
            .query(Campaign.class)
            .optional();
    if (campaign.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Map<String, Integer>> notRated = new LinkedHashMap<>();
    for (NotRated row :
        jdbc.sql(
                """
            select m.branch_id, cm.reason, count(*) as n from evaluation.campaign_member cm
            join evaluation.campaign c on c.id = cm.campaign_id
            join evaluation.party_member m on m.id = cm.member_id
            where c.organization_id = :org and c.year = :year and cm.status = 'NOT_RATED'
            group by m.branch_id, cm.reason order by cm.reason""")
            .param("org", organizationId)
            .param("year", year)
            .query(NotRated.class)
            .list()) {
      notRated
          .computeIfAbsent(row.branchId(), b -> new LinkedHashMap<>())
          .put(row.reason() == null ? "UNKNOWN" : row.reason(), row.n());
    }
    List<BranchLine> branches = new ArrayList<>();
    LevelCounts total = LevelCounts.NONE;
    Map<String, Integer> totalNotRated = new LinkedHashMap<>();
    for (Row row : rows(organizationId, year)) {
      LevelCounts counts =
          new LevelCounts(
              row.excellent(), row.good(), row.completed(), row.notCompleted(), row.undecided());
      Map<String, Integer> branchNotRated = notRated.getOrDefault(row.branchId(), Map.of());
      branches.add(new BranchLine(row.branchId(), row.branchName(), counts, branchNotRated));
      total = total.plus(counts);
      branchNotRated.forEach((reason, n) -> totalNotRated.merge(reason, n, Integer::sum));
    }
    LevelCounts previous =
        jdbc.sql(
                        "select count(*) from evaluation.campaign where organization_id = :org and year = :y")
                    .param("org", organizationId)
                    .param("y", year - 1)
                    .query(Integer.class)
                    .single()
                == 0
            ? null
            : rows(organizationId, year - 1).stream()
                .map(
                    r ->
                        new LevelCounts(
                            r.excellent(),
                            r.good(),
                            r.completed(),
                            r.notCompleted(),
                            r.undecided()))
                .reduce(LevelCounts.NONE, LevelCounts::plus);
    return Optional.of(
        new OrganizationReport(
            organizationId,
            campaign.get().organizationName(),
            year,
            campaign.get().regulation(),
            branches,
            new BranchLine(null, null, total, totalNotRated),
            rules.quota(total.excellent(), total.good()),
            previous,
            collectives(organizationId, year)));
  }

  private OrganizationReport.Collectives collectives(String organizationId, int year) {
    List<OrganizationReport.CollectiveLine> branches = new ArrayList<>();
    OrganizationReport.CollectiveLine organization = null;
    LevelCounts counts = LevelCounts.NONE;
    int notRated = 0;
    for (CollectiveEvaluation collective : collectives.ofOrganization(organizationId, year)) {
      OrganizationReport.CollectiveLine line =
          new OrganizationReport.CollectiveLine(
              collective.collectiveId(),
              collective.name(),
              collective.status(),
              collective.decidedLevel());
      if ("ORGANIZATION".equals(collective.kind())) {
        organization = line;
        continue;
      }
      branches.add(line);
      if ("NOT_RATED".equals(collective.status())) {
        notRated++;
      } else {
        String level = collective.decidedLevel();
        counts =
            counts.plus(
                new LevelCounts(
                    "EXCELLENT".equals(level) ? 1 : 0,
                    "GOOD".equals(level) ? 1 : 0,
                    "COMPLETED".equals(level) ? 1 : 0,
                    "NOT_COMPLETED".equals(level) ? 1 : 0,
                    level == null ? 1 : 0));
      }
    }
    return new OrganizationReport.Collectives(branches, counts, notRated, organization);
  }

  /**
   * A branch's report for the year, cut from its organization's (so both always agree), with the branch's line the
   * year before; empty when the branch is unknown or its organization had no campaign that year.
   */
  public Optional<BranchReport> ofBranch(String branchId, int year) {
    Optional<String> organization = organizationOfBranch(branchId);
    if (organization.isEmpty()) {
      return Optional.empty();
    }
    return of(organization.get(), year)
        .flatMap(
            report ->
                line(report, branchId)
                    .map(
                        line ->
                            new BranchReport(
                                report.organizationId(),
                                report.organizationName(),
                                branchId,
                                line.branchName(),
                                year,
                                report.regulation(),
                                line,
                                of(report.organizationId(), year - 1)
                                    .flatMap(previous -> line(previous, branchId))
                                    .orElse(null))));
  }

  public Optional<String> organizationOfBranch(String branchId) {
    return jdbc.sql("select organization_id from evaluation.branch where id = :id")
        .param("id", branchId)
        .query(String.class)
        .optional();
  }

  /** Branch id → name, ordered by name: of one organization, or (null) of all. */
  public Map<String, String> branches(String organizationId) {
    Map<String, String> branches = new LinkedHashMap<>();
    jdbc.sql(
            "select id, name from evaluation.branch"
                + (organizationId == null ? "" : " where organization_id = :org")
                + " order by organization_id, name")
        .params(organizationId == null ? Map.of() : Map.of("org", organizationId))
        .query((rs, n) -> branches.put(rs.getString("id"), rs.getString("name")))
        .list();
    return branches;
  }

  private static Optional<BranchLine> line(OrganizationReport report, String branchId) {
    return report.branches().stream().filter(b -> b.branchId().equals(branchId)).findFirst();
  }

  private List<Row> rows(String organizationId, int year) {
    return jdbc.sql(
            """
            select b.id as branch_id, b.name as branch_name,
                   count(*) filter (where e.decided_level = 'EXCELLENT') as excellent,
                   count(*) filter (where e.decided_level = 'GOOD') as good,
                   count(*) filter (where e.decided_level = 'COMPLETED') as completed,
                   count(*) filter (where e.decided_level = 'NOT_COMPLETED') as not_completed,
                   count(e.member_id) filter (where e.decided_level is null) as undecided
            from evaluation.branch b
            left join evaluation.member_evaluation e on e.branch_id = b.id and e.year = :year and e.status <> 'ENDED'
            where b.organization_id = :org
            group by b.id, b.name order by b.name""")
        .param("org", organizationId)
        .param("year", year)
        .query(Row.class)
        .list();
  }
}
