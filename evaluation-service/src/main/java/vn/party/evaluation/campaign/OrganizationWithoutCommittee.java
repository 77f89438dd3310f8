package vn.party.evaluation.campaign;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A running campaign whose organization has nobody on its grassroots committee while its members' evaluations wait:
 * the committee's decisions have nobody to take them (twelfth session's outsider, MEDIUM 9). Taking the last seat away
 * is refused at every door while evaluations wait; a seat removed by hand in the database, or before the campaign
 * started, can still leave it empty, so the progress page says so as it does for a branch ({@link
 * BranchesWithoutCommittee}).
 */
@Component
public class OrganizationWithoutCommittee {

  private final JdbcClient jdbc;

  public OrganizationWithoutCommittee(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** How many evaluations wait while nobody sits on the organization's committee; empty when someone sits or none wait. */
  public Optional<Integer> waiting(UUID campaignId) {
    return jdbc.sql(
            """
            select count(*) from evaluation.member_evaluation e
              join evaluation.campaign c on c.id = e.campaign_id
             where e.campaign_id = :campaign and c.status <> 'COMPLETED'
               and e.status not in ('DECIDED', 'ENDED')
               and not exists (select 1 from evaluation.unit_committee_member s
                                where s.unit_id = c.organization_id and s.body = 'COMMITTEE')""")
        .param("campaign", campaignId)
        .query(Integer.class)
        .optional()
        .filter(count -> count > 0);
  }
}
