package vn.party.evaluation.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.validation.TaskCompletionRules;

/**
 * Signs of a formal, box-ticking review (bệnh hình thức) for inspectors: self-reviews that are near copies of each
 * other, branches whose proposals always equal what members proposed for themselves, branch proposals that no
 * recorded meeting vote supports (made through the API or Tasklist instead of the branch meeting), decisions taken in
 * moments.
 * Signals to look at, not verdicts.
 */
@Component
public class FormalitySignals {

  /** Word-triple overlap (Jaccard) from which two self-reviews count as near copies. */
  static final double NEAR_COPY = 0.8;

  /** Texts shorter than this say too little to compare. */
  static final int MIN_TEXT = 40;

  /** A branch is flagged when at least this many of its proposals all equal the self-proposed levels. */
  static final int MIN_PROPOSALS = 2;

  private final JdbcClient jdbc;
  private final ObjectMapper objectMapper;
  private final Duration quickDecision;
  private final List<String> texts;

  public FormalitySignals(
      JdbcClient jdbc,
      ObjectMapper objectMapper,
      @Value("${evaluation.audit.quick-decision:PT2M}") Duration quickDecision,
      @Value("${evaluation.audit.near-copy-sections:strengths,limitations,remedialMeasures}")
          List<String> texts) {
    this.jdbc = jdbc;
    this.objectMapper = objectMapper;
    this.quickDecision = quickDecision;
    this.texts = nearCopySections(texts);
  }

  /**
   * The sections compared, as configured ({@code evaluation.audit.near-copy-sections}; default {@link #TEXTS}): each
   * a field of the self-review's form, else the application does not start (a misspelt name would silently compare
   * nothing).
   */
  static List<String> nearCopySections(List<String> configured) {
    List<String> sections =
        configured == null
            ? List.of()
            : configured.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    if (sections.isEmpty()) {
      throw new IllegalStateException(
          "evaluation.audit.near-copy-sections: name at least one section of the self-review");
    }
    List<String> fields = TaskCompletionRules.fields(ProcessKeys.SELF_REVIEW);
    for (String section : sections) {
      if (!fields.contains(section)) {
        throw new IllegalStateException(
            "evaluation.audit.near-copy-sections: "
                + section
                + " is not a field of the self-review (one of "
                + fields
                + ")");
      }
    }
    return sections;
  }

  /** The sections the near-copy check compares. */
  public List<String> nearCopySections() {
    return texts;
  }

  public record NearCopy(
      String organizationId,
      String memberA,
      String nameA,
      String memberB,
      String nameB,
      int similarityPercent) {}

  public record SameAsSelf(String branchId, String branchName, int proposals) {}

  public record QuickDecision(String memberId, String memberName, String decidedBy, long seconds) {}

  /** A branch whose proposals of the year, {@code withoutVote} of {@code proposals}, have no recorded meeting vote. */
  public record WithoutVote(String branchId, String branchName, int withoutVote, int proposals) {}

  public record Signals(
      int year,
      List<NearCopy> nearCopies,
      List<SameAsSelf> sameAsSelf,
      List<WithoutVote> withoutVote,
      List<QuickDecision> quickDecisions,
      Duration quickDecisionThreshold) {}

  public Signals of(int year) {
    return of(year, null);
  }

  /**
   * @param scope the organizations the reader inspects (an organization's inspection committee); null: every
   *     organization (global auditors, administrators)
   */
  public Signals of(int year, Collection<String> scope) {
    Scope in = new Scope(scope == null, scope == null || scope.isEmpty() ? List.of("") : scope);
    return new Signals(
        year,
        nearCopies(year, in),
        sameAsSelf(year, in),
        withoutVote(year, in),
        quickDecisions(year, in),
        quickDecision);
  }

  private record Scope(boolean everywhere, Collection<String> organizations) {}

  /**
   * The configured vote rule is checked where the branch meeting is recorded; a proposal completed through the API or
   * Tasklist carries no tally, so inspectors see, per branch, how many proposals no meeting vote stands behind.
   */
  private List<WithoutVote> withoutVote(int year, Scope scope) {
    return jdbc.sql(
            """
            select e.branch_id, b.name as branch_name,
                   count(*) filter (where not exists (
                     select 1 from evaluation.branch_meeting_vote v
                     join evaluation.branch_meeting m on m.id = v.meeting_id
                     where m.branch_id = e.branch_id and m.year = e.year and v.member_id = e.member_id)) as without_vote,
                   count(*) as proposals
            from evaluation.member_evaluation e join evaluation.branch b on b.id = e.branch_id
            where e.year = :year and e.branch_proposed_level is not null
              and (:everywhere or e.organization_id in (:scope))
            group by e.branch_id, b.name
            having count(*) filter (where not exists (
                     select 1 from evaluation.branch_meeting_vote v
                     join evaluation.branch_meeting m on m.id = v.meeting_id
                     where m.branch_id = e.branch_id and m.year = e.year and v.member_id = e.member_id)) > 0
            order by b.name""")
        .param("year", year)
        .param("everywhere", scope.everywhere())
        .param("scope", scope.organizations())
        .query(WithoutVote.class)
        .list();
  }

  private record SelfReview(
      String organizationId, String memberId, String memberName, String details, int year) {}

  /**
   * The texts compared by default (the self-review's short sections, kept in the timeline with each completion; the
   * inspection committee may compare others, {@code evaluation.audit.near-copy-sections}). Not section III,
   * the remedies of last year's shortcomings: new by its nature each year, it would dilute a review whose I, II and
   * the direction repeat last year's or a colleague's word for word, the formality this signal is for (a new section
   * III beside copied ones is still a copy: {@code SelfCriticismBrowserTest}).
   */
  static final List<String> TEXTS = List.of("strengths", "limitations", "remedialMeasures");

  private List<NearCopy> nearCopies(int year, Scope scope) {
    List<SelfReview> reviews =
        jdbc.sql(
                """
            select e.organization_id, t.member_id, m.full_name as member_name, t.details::text as details, t.year
            from evaluation.timeline_entry t
            join evaluation.member_evaluation e on e.year = t.year and e.member_id = t.member_id
            join evaluation.party_member m on m.id = t.member_id
            where t.year = :year and t.kind = 'TASK_COMPLETED' and t.task_key = 'self-review'
              and (:everywhere or e.organization_id in (:scope))
            order by e.organization_id, t.member_id, t.id""")
            .param("year", year)
            .param("everywhere", scope.everywhere())
            .param("scope", scope.organizations())
            .query(SelfReview.class)
            .list();
    List<String> members = new ArrayList<>();
    List<SelfReview> latest = new ArrayList<>();
    for (SelfReview review :
        reviews) { // the last submission per member (a returned case may submit again)
      int at = members.indexOf(review.memberId());
      if (at >= 0) {
        latest.set(at, review);
      } else {
        members.add(review.memberId());
        latest.add(review);
      }
    }
    List<Set<String>> shingles = latest.stream().map(r -> shingles(text(r.details()))).toList();
    List<NearCopy> copies = new ArrayList<>();
    for (int i = 0; i < latest.size(); i++) {
      for (int j = i + 1; j < latest.size(); j++) {
        if (!latest.get(i).organizationId().equals(latest.get(j).organizationId())
            || shingles.get(i).isEmpty()
            || shingles.get(j).isEmpty()) {
          continue;
        }
        double similarity = jaccard(shingles.get(i), shingles.get(j));
        if (similarity >= NEAR_COPY) {
          copies.add(
              new NearCopy(
                  latest.get(i).organizationId(),
                  latest.get(i).memberId(),
                  latest.get(i).memberName(),
                  latest.get(j).memberId(),
                  latest.get(j).memberName(),
                  (int) Math.round(similarity * 100)));
        }
      }
    }
    return copies;
  }

  /**
   * The closest earlier self-review to a text a member is about to submit, when it is a near copy by the same measure
   * as {@link #nearCopies}: the member's own of an earlier year, or another member's of this year in the same
   * organization. Lets the member see the signal before submitting, not only the inspectors after.
   *
   * @param values the self-review's values as the form sends them (the compared texts: {@link #nearCopySections()})
   * @return empty when the text is too short to compare or nothing is a near copy
   */
  public Optional<Resemblance> resemblance(
      int year, String memberId, String organizationId, Map<String, ?> values) {
    Set<String> mine = shingles(text(values));
    if (mine.isEmpty()) {
      return Optional.empty();
    }
    List<SelfReview> others =
        jdbc.sql(
                """
            select e.organization_id, t.member_id, m.full_name as member_name, t.details::text as details, t.year
            from evaluation.timeline_entry t
            join evaluation.member_evaluation e on e.year = t.year and e.member_id = t.member_id
            join evaluation.party_member m on m.id = t.member_id
            where t.kind = 'TASK_COMPLETED' and t.task_key = 'self-review'
              and ((t.member_id = :member and t.year < :year)
                or (t.member_id <> :member and t.year = :year and e.organization_id = :org))
            order by t.id""")
            .param("year", year)
            .param("member", memberId)
            .param("org", organizationId)
            .query(
                (rs, n) ->
                    new SelfReview(
                        rs.getString("organization_id"),
                        rs.getString("member_id"),
                        rs.getString("member_name"),
                        rs.getString("details"),
                        rs.getInt("year")))
            .list();
    Resemblance closest = null;
    for (SelfReview other : others) {
      double similarity = jaccard(mine, shingles(text(other.details())));
      if (similarity >= NEAR_COPY
          && (closest == null || similarity * 100 > closest.similarityPercent())) {
        closest =
            new Resemblance(
                other.memberId().equals(memberId),
                other.year(),
                (int) Math.round(similarity * 100));
      }
    }
    return Optional.ofNullable(closest);
  }

  /** A near copy found before submitting: of the member's own earlier review (which year), or of another member's. */
  public record Resemblance(boolean ownEarlierYear, int year, int similarityPercent) {}

  private List<SameAsSelf> sameAsSelf(int year, Scope scope) {
    return jdbc.sql(
            """
            select e.branch_id, b.name as branch_name, count(*) as proposals
            from evaluation.member_evaluation e join evaluation.branch b on b.id = e.branch_id
            where e.year = :year and e.branch_proposed_level is not null
              and (:everywhere or e.organization_id in (:scope))
            group by e.branch_id, b.name
            having count(*) >= :min and bool_and(e.branch_proposed_level = e.self_proposed_level)
            order by b.name""")
        .param("year", year)
        .param("min", MIN_PROPOSALS)
        .param("everywhere", scope.everywhere())
        .param("scope", scope.organizations())
        .query(SameAsSelf.class)
        .list();
  }

  private List<QuickDecision> quickDecisions(int year, Scope scope) {
    return jdbc.sql(
            """
            select c.member_id, m.full_name as member_name, c.actor as decided_by,
                   cast(extract(epoch from c.occurred_at - o.occurred_at) as bigint) as seconds
            from evaluation.timeline_entry c
            join evaluation.timeline_entry o on o.task_id = c.task_id and o.kind = 'TASK_CREATED'
            join evaluation.party_member m on m.id = c.member_id
            where c.year = :year and c.kind = 'TASK_COMPLETED' and c.task_key = 'committee-decision'
              and c.occurred_at - o.occurred_at < cast(:threshold as interval)
              and (:everywhere or exists (select 1 from evaluation.member_evaluation e
                   where e.year = c.year and e.member_id = c.member_id and e.organization_id in (:scope)))
            order by seconds, c.member_id""")
        .param("year", year)
        .param("threshold", quickDecision.toSeconds() + " seconds")
        .param("everywhere", scope.everywhere())
        .param("scope", scope.organizations())
        .query(QuickDecision.class)
        .list();
  }

  /** The self-review's texts, as submitted (the timeline keeps the values of each completion). */
  private String text(String details) {
    try {
      return text((Map<?, ?>) objectMapper.readValue(details, Map.class));
    } catch (Exception e) {
      return "";
    }
  }

  String text(Map<?, ?> values) {
    StringBuilder text = new StringBuilder();
    for (String field : texts) {
      Object value = values.get(field);
      if (value instanceof String s) {
        text.append(s).append(' ');
      }
    }
    return text.toString();
  }

  /** Word triples of the text, lower-cased and without accents, so that retyping a copy does not hide it. */
  static Set<String> shingles(String text) {
    String plain =
        Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replace('đ', 'd')
            .replaceAll("[^\\p{L}\\p{N}]+", " ")
            .trim();
    Set<String> shingles = new HashSet<>();
    if (plain.length() < MIN_TEXT) {
      return shingles;
    }
    String[] words = plain.split(" ");
    for (int i = 0; i + 2 < words.length; i++) {
      shingles.add(words[i] + " " + words[i + 1] + " " + words[i + 2]);
    }
    return shingles;
  }

  static double jaccard(Set<String> a, Set<String> b) {
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    Set<String> either = new HashSet<>(a);
    either.addAll(b);
    return either.isEmpty() ? 0 : (double) both.size() / either.size();
  }
}
