package vn.party.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A generated grassroots organization written straight into evaluation-service's schema {@code evaluation}: the
 * organization, branches of {@code branchSize} members ({@code <org>-cb<n>}) and active official members
 * ({@code <org>-m<n>}). No engine users or groups: launching a campaign does not need them.
 */
final class OrganizationGenerator {

  private OrganizationGenerator() {}

  static void generate(DataSource ds, String organizationId, int members, int branchSize) {
    generate(ds, organizationId, members, branchSize, "bench.example.vn");
  }

  /**
   * As above, each member's roster address {@code <member>@<mailDomain>}: the address their engine account must have
   * too (evaluation-service refuses an account whose address differs from the roster's).
   */
  static void generate(
      DataSource ds, String organizationId, int members, int branchSize, String mailDomain) {
    int branches = (members + branchSize - 1) / branchSize;
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement org =
              c.prepareStatement(
                  "insert into evaluation.organization (id, name, established_on) values (?, ?, date '2000-01-01')");
          PreparedStatement branch =
              c.prepareStatement(
                  """
                            insert into evaluation.branch (id, organization_id, name)
                            select ? || '-cb' || g, ?, 'Chi bộ số ' || g from generate_series(1, ?) g""");
          PreparedStatement member =
              c.prepareStatement(
                  """
                            insert into evaluation.party_member (id, full_name, email, branch_id, membership, status, admitted_on)
                            select ? || '-m' || g, 'Đảng viên thử nghiệm ' || g, ? || '-m' || g || '@' || ?,
                                   ? || '-cb' || ((g - 1) / ? + 1), 'OFFICIAL', 'ACTIVE', date '2010-05-19'
                            from generate_series(1, ?) g""")) {
        org.setString(1, organizationId);
        org.setString(2, "Đảng bộ thử nghiệm " + organizationId);
        org.executeUpdate();
        branch.setString(1, organizationId);
        branch.setString(2, organizationId);
        branch.setInt(3, branches);
        branch.executeUpdate();
        member.setString(1, organizationId);
        member.setString(2, organizationId);
        member.setString(3, mailDomain);
        member.setString(4, organizationId);
        member.setInt(5, branchSize);
        member.setInt(6, members);
        member.executeUpdate();
      }
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot generate organization " + organizationId + ": " + e.getMessage(), e);
    }
  }

  /** The first {@code limit} member ids of the organization, in the launcher's order (by id). */
  static List<String> memberIds(DataSource ds, String organizationId, int limit) {
    List<String> ids = new ArrayList<>();
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                """
                select m.id from evaluation.party_member m join evaluation.branch b on b.id = m.branch_id
                where b.organization_id = ? order by m.id limit ?""")) {
      ps.setString(1, organizationId);
      ps.setInt(2, limit);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    return ids;
  }

  /** Waits until evaluation-service has published every outbox row; returns the seconds waited (NaN on timeout). */
  static double awaitOutboxDrained(DataSource ds, Duration timeout) throws InterruptedException {
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < timeout.toNanos()) {
      try (Connection c = ds.getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "select count(*) from evaluation.outbox where published_at is null");
          var rs = ps.executeQuery()) {
        rs.next();
        if (rs.getLong(1) == 0) {
          return (System.nanoTime() - t0) / 1e9;
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
      Thread.sleep(200);
    }
    return Double.NaN;
  }
}
