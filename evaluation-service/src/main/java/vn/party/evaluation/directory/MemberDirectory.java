package vn.party.evaluation.directory;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The organization tree: grassroots organization → branches → members. */
@Component
public class MemberDirectory {

  private final JdbcClient jdbc;

  public MemberDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Member> member(String memberId) {
    return jdbc.sql(
            """
            select m.id, m.full_name, m.email, m.branch_id, b.organization_id, m.membership
            from evaluation.party_member m join evaluation.branch b on b.id = m.branch_id where m.id = :id""")
        .param("id", memberId)
        .query(Member.class)
        .optional();
  }

  public boolean organizationExists(String organizationId) {
    return jdbc.sql("select count(*) from evaluation.organization where id = :id")
            .param("id", organizationId)
            .query(Integer.class)
            .single()
        > 0;
  }

  public Optional<String> organizationName(String organizationId) {
    return jdbc.sql("select name from evaluation.organization where id = :id")
        .param("id", organizationId)
        .query(String.class)
        .optional();
  }

  public Optional<String> organizationOfBranch(String branchId) {
    return jdbc.sql("select organization_id from evaluation.branch where id = :id")
        .param("id", branchId)
        .query(String.class)
        .optional();
  }
}
