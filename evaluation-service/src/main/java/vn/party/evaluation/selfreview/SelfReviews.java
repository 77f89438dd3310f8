package vn.party.evaluation.selfreview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.process.validation.SelfReviewRules;
import vn.party.evaluation.rules.CriterionGroup;

/**
 * Keeps submitted self-reviews in {@code evaluation.self_review}: insert only (a trigger refuses any change), so the
 * submitted version stays as it was submitted, and its hash lets a reader check that.
 */
@Component
public class SelfReviews {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient jdbc;

  public SelfReviews(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Keeps a submission as the next version.
   *
   * @return the version kept
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int keep(
      int year,
      String memberId,
      String taskId,
      String regulation,
      String form,
      Map<String, Object> content,
      Optional<SelfReviewRules.Outcome> outcome,
      String selfProposedLevel,
      String submittedBy) {
    int version =
        jdbc.sql(
                """
            select coalesce(max(version), 0) + 1 from evaluation.self_review where year = :year and member_id = :member""")
            .param("year", year)
            .param("member", memberId)
            .query(Integer.class)
            .single();
    String canonical = canonical(content);
    jdbc.sql(
            """
            insert into evaluation.self_review (year, member_id, version, task_id, regulation, form, content,
              content_sha256, general_points, task_points, total_points, derived_level, derived_level_rule,
              self_proposed_level, submitted_by)
            values (:year, :member, :version, :task, :regulation, :form, cast(:content as jsonb), :sha, :general, :tasks,
              :total, :level, :rule, :proposed, :by)""")
        .param("year", year)
        .param("member", memberId)
        .param("version", version)
        .param("task", taskId)
        .param("regulation", regulation)
        .param("form", form)
        .param("content", canonical)
        .param("sha", sha256(canonical))
        .param(
            "general",
            outcome
                .map(o -> o.points().get(CriterionGroup.GENERAL))
                .map(BigDecimal::valueOf)
                .orElse(null))
        .param(
            "tasks",
            outcome
                .map(o -> o.points().get(CriterionGroup.TASK_RESULTS))
                .map(BigDecimal::valueOf)
                .orElse(null))
        .param(
            "total",
            outcome.map(SelfReviewRules.Outcome::total).map(BigDecimal::valueOf).orElse(null))
        .param("level", outcome.map(o -> o.level().name()).orElse(null))
        .param("rule", outcome.map(SelfReviewRules.Outcome::ruleId).orElse(null))
        .param("proposed", selfProposedLevel)
        .param("by", submittedBy)
        .update();
    return version;
  }

  /** The latest submitted version, if any. */
  public Optional<SelfReview> latest(int year, String memberId) {
    return jdbc.sql(
            """
            select year, member_id, version, task_id, regulation, form, content::text as content, content_sha256,
              general_points, task_points, total_points, derived_level, derived_level_rule, self_proposed_level,
              submitted_by, submitted_at
            from evaluation.self_review where year = :year and member_id = :member order by version desc limit 1""")
        .param("year", year)
        .param("member", memberId)
        .query(
            (rs, row) ->
                new SelfReview(
                    rs.getInt("year"),
                    rs.getString("member_id"),
                    rs.getInt("version"),
                    rs.getString("task_id"),
                    rs.getString("regulation"),
                    rs.getString("form"),
                    parse(rs.getString("content")),
                    rs.getString("content_sha256"),
                    rs.getBigDecimal("general_points"),
                    rs.getBigDecimal("task_points"),
                    rs.getBigDecimal("total_points"),
                    rs.getString("derived_level"),
                    rs.getString("derived_level_rule"),
                    rs.getString("self_proposed_level"),
                    rs.getString("submitted_by"),
                    rs.getObject("submitted_at", OffsetDateTime.class)))
        .optional();
  }

  /** The content as hashed: keys sorted, no spaces. */
  public static String canonical(Map<String, Object> content) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(content));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> parse(String json) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
