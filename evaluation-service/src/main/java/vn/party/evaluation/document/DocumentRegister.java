package vn.party.evaluation.document;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letterheads of the organizations and the register of document numbers (V55): a document gets the next number
 * of its unit, year and kind the first time it is issued, and the same number ever after.
 */
@Component
public class DocumentRegister {

  /** @param superiorName the superior party unit, null when not configured */
  public record Letterhead(String superiorName, String place) {}

  private final JdbcClient jdbc;

  DocumentRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Letterhead letterhead(String organizationId) {
    return jdbc.sql(
            "select superior_name, place from evaluation.document_letterhead where organization_id = :id")
        .param("id", organizationId)
        .query((rs, n) -> new Letterhead(rs.getString("superior_name"), rs.getString("place")))
        .optional()
        .orElse(new Letterhead(null, null));
  }

  /** Sets an organization's letterhead (the demo data, an administrator's script). */
  @Transactional
  public void setLetterhead(String organizationId, String superiorName, String place) {
    jdbc.sql(
            """
            insert into evaluation.document_letterhead (organization_id, superior_name, place)
            values (:id, :superior, :place)
            on conflict (organization_id) do update set superior_name = excluded.superior_name,
              place = excluded.place""")
        .param("id", organizationId)
        .param("superior", superiorName)
        .param("place", place)
        .update();
  }

  /** The number a document already carries, if it was issued. */
  public Optional<Integer> number(String unitId, int year, String kind, String subject) {
    return jdbc.sql(
            """
            select number from evaluation.document_number
            where unit_id = :unit and year = :year and kind = :kind and subject = :subject""")
        .param("unit", unitId)
        .param("year", year)
        .param("kind", kind)
        .param("subject", subject)
        .query(Integer.class)
        .optional();
  }

  /**
   * The document's number: the one it was given, or the next of its unit, year and kind. The unit's register is
   * locked for the transaction so that two documents issued at once never get the same number.
   */
  @Transactional
  public int issue(String unitId, int year, String kind, String subject, String by) {
    Optional<Integer> issued = number(unitId, year, kind, subject);
    if (issued.isPresent()) {
      return issued.get();
    }
    jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext(:key))) locked")
        .param("key", unitId + "/" + year + "/" + kind)
        .query(Integer.class)
        .single();
    return number(unitId, year, kind, subject)
        .orElseGet(
            () ->
                jdbc.sql(
                        """
            insert into evaluation.document_number (unit_id, year, kind, subject, number, issued_by)
            select :unit, :year, :kind, :subject, coalesce(max(number), 0) + 1, :by
            from evaluation.document_number where unit_id = :unit and year = :year and kind = :kind
            returning number""")
                    .param("unit", unitId)
                    .param("year", year)
                    .param("kind", kind)
                    .param("subject", subject)
                    .param("by", by)
                    .query(Integer.class)
                    .single());
  }
}
