package vn.party.evaluation.portal;

import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The choices of the report and audit filters ({@code ${@pickers…}} in a template), so that nobody types a code:
 * organizations and branches by name, the years that have a campaign, the members by name.
 */
@Component("pickers")
public class Pickers {

  /** A choice: the value sent, the name shown, and the group it belongs to (a branch's organization). */
  public record Choice(String value, String name, String group) {}

  private final JdbcClient jdbc;

  public Pickers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The organizations the person may read: all for global auditors and administrators, else the committee's own and
   * those whose inspection committee the person sits on.
   */
  public List<Choice> organizations(PortalModel.Me me) {
    return jdbc
        .sql("select id, name from evaluation.organization order by name")
        .query((rs, n) -> new Choice(rs.getString("id"), rs.getString("name"), null))
        .list()
        .stream()
        .filter(c -> me == null || me.reads(c.value()))
        .toList();
  }

  /** The branches with their organization, for the inspectors' search: of the organizations the person reads. */
  public List<Choice> branches(PortalModel.Me me) {
    return jdbc
        .sql(
            """
            select b.id, b.name, o.name as org, o.id as org_id from evaluation.branch b
            join evaluation.organization o on o.id = b.organization_id order by o.name, b.name""")
        .query(
            (rs, n) ->
                me == null || me.reads(rs.getString("org_id"))
                    ? new Choice(rs.getString("id"), rs.getString("name"), rs.getString("org"))
                    : null)
        .list()
        .stream()
        .filter(Objects::nonNull)
        .toList();
  }

  /** The years with a campaign, newest first, and this year even before its campaign opens. */
  public List<Integer> years() {
    List<Integer> years =
        new ArrayList<>(
            jdbc.sql("select distinct year from evaluation.campaign order by year desc")
                .query(Integer.class)
                .list());
    int now = Year.now().getValue();
    if (!years.contains(now)) {
      years.add(0, now);
      years.sort(Comparator.reverseOrder());
    }
    return years;
  }

  /**
   * The members' names, for a name search that suggests as one types: of the organizations the person reads (an
   * organization's inspection committee sees no other organization's names).
   */
  public List<String> memberNames(PortalModel.Me me) {
    if (me == null || me.everywhere()) {
      return jdbc.sql(
              "select distinct full_name from evaluation.party_member order by full_name limit 2000")
          .query(String.class)
          .list();
    }
    List<String> organizations = new ArrayList<>(me.inspects());
    if (me.committeeOf() != null) {
      organizations.add(me.committeeOf());
    }
    return organizations.isEmpty()
        ? List.of()
        : jdbc.sql(
                """
            select distinct m.full_name from evaluation.party_member m
            join evaluation.branch b on b.id = m.branch_id
            where b.organization_id in (:organizations) order by m.full_name limit 2000""")
            .param("organizations", organizations)
            .query(String.class)
            .list();
  }
}
