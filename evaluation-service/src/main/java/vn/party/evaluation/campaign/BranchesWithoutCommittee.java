package vn.party.evaluation.campaign;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The branches of a running campaign whose members' evaluations wait while nobody sits on the branch's committee:
 * their branch reviews have nobody to hold them (twelfth session's outsider, MEDIUM 9). Taking the last seat away is
 * refused while evaluations wait; a roster change or a member's leaving can still end it, so the progress page says so.
 */
@Component
public class BranchesWithoutCommittee {

  /** A branch without committee, and how many of its members' evaluations wait. */
  public record Branch(String id, String name, int waiting) {}

  private final JdbcClient jdbc;

  public BranchesWithoutCommittee(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Branch> of(UUID campaignId) {
    return jdbc.sql(
            """
            select u.id, u.name, count(*) as waiting
              from evaluation.member_evaluation e
              join evaluation.campaign c on c.id = e.campaign_id
              join evaluation.unit u on u.id = e.branch_id
             where e.campaign_id = :campaign and c.status <> 'COMPLETED'
               and e.status not in ('DECIDED', 'ENDED')
               and not exists (select 1 from evaluation.unit_committee_member s
                                where s.unit_id = e.branch_id and s.body = 'COMMITTEE')
             group by u.id, u.name
             order by u.name""")
        .param("campaign", campaignId)
        .query(Branch.class)
        .list();
  }
}
