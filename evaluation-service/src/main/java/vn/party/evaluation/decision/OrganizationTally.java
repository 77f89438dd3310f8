package vn.party.evaluation.decision;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.rules.QuotaCheck;
import vn.party.evaluation.rules.RuleBook;

/**
 * What the grassroots committee sees when it decides: the organization's decided levels so far and the EXCELLENT
 * quota (the rule itself is {@link RuleBook#quota}).
 */
@Component
public class OrganizationTally {

  private final JdbcClient jdbc;
  private final RuleBook rules;

  public OrganizationTally(JdbcClient jdbc, RuleBook rules) {
    this.jdbc = jdbc;
    this.rules = rules;
  }

  /**
   * @param decided members decided so far, per level (every level present, 0 when none)
   * @param undecided members of the year's campaign not decided yet
   */
  public record Tally(
      String organizationId,
      int year,
      Map<Level, Integer> decided,
      int undecided,
      QuotaCheck quota) {

    /** The gauge's fill, 0–100: EXCELLENT so far against the most allowed (100 when none is allowed but some are). */
    public int quotaUsedPercent() {
      if (quota.maxExcellent() == 0) {
        return quota.excellent() == 0 ? 0 : 100;
      }
      return Math.min(100, quota.excellent() * 100 / quota.maxExcellent());
    }
  }

  private record LevelCount(String level, int n) {}

  public Tally of(String organizationId, int year) {
    Map<Level, Integer> decided = new EnumMap<>(Level.class);
    for (Level level : Level.values()) {
      decided.put(level, 0);
    }
    int undecided = 0;
    for (LevelCount row :
        jdbc.sql(
                """
            select decided_level as level, count(*) as n from evaluation.member_evaluation
            where organization_id = :org and year = :year group by decided_level""")
            .param("org", organizationId)
            .param("year", year)
            .query(LevelCount.class)
            .list()) {
      if (row.level() == null) {
        undecided += row.n();
      } else {
        Level.parse(row.level()).ifPresent(level -> decided.put(level, row.n()));
      }
    }
    QuotaCheck quota = rules.quota(decided.get(Level.EXCELLENT), decided.get(Level.GOOD));
    return new Tally(organizationId, year, decided, undecided, quota);
  }
}
