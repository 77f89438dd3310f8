package vn.party.evaluation.selfreview;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.validation.SelfReviewRules;
import vn.party.evaluation.security.engine.WholeTexts;

/**
 * Keeps a submitted self-review, whichever way it was submitted (the pages and the domain API, or Tasklist and the
 * engine REST API): the whole review in {@link SelfReviews} (a long text cut for the engine whole, {@link WholeTexts}), a {@code SELF_REVIEW_KEPT} timeline entry with its hash,
 * and the short variables the later forms show.
 */
@Component
public class SelfReviewKeeper {

  /**
   * What the engine keeps of a review submitted through the application: the proposals and the four required
   * sections of the self-criticism ({@link SelfReviewRules#REQUIRED_SECTIONS}: I strengths, II limitations, III
   * shortcomings fixed, IV remedial measures), so that the engine's history and the timeline's completion entry hold
   * each section the review required, as the record and the PDF do (tenth session's outsider: III was left out). The
   * other texts and the grades stay in the record only.
   */
  private static final List<String> ENGINE_FIELDS =
      List.of(
          SELF_PROPOSED_LEVEL,
          STRENGTHS,
          LIMITATIONS,
          SelfReviewRules.SHORTCOMINGS_FIXED,
          REMEDIAL_MEASURES,
          SelfReviewRules.CIVIL_SERVICE_SELF_PROPOSED_LEVEL);

  private final SelfReviews reviews;
  private final Timeline timeline;

  public SelfReviewKeeper(SelfReviews reviews, Timeline timeline) {
    this.reviews = reviews;
    this.timeline = timeline;
  }

  /**
   * Keeps the review and returns the variables to give the engine: {@code selfReviewScore}, {@code selfReviewLevel},
   * {@code selfReviewVersion}, and (for {@code keepTextsInEngine} false) only the short fields of {@code values}.
   *
   * @param context the task's regulation, leadershipPost, civilServiceLevel, formKind, year and memberId
   * @param values the submitted fields (null values are left out)
   * @param outcome what the grades and points give, as the completion rules computed it when they passed the review
   *     ({@code CompletionJudgement}): not computed again here
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Map<String, Object> keep(
      String taskId,
      Map<String, Object> context,
      Map<String, Object> values,
      String actor,
      boolean keepTextsInEngine,
      Optional<SelfReviewRules.Outcome> outcome) {
    Map<String, Object> content = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          if (value != null) {
            content.put(name, value);
          }
        });
    if (keepTextsInEngine) {
      // through Tasklist or the engine REST API: the engine variables hold what fits of a text
      // longer than one holds
      // (TextLimits.forEngine); the engine's guard kept the whole texts of this completion
      content.putAll(WholeTexts.of(taskId));
    }
    Map<String, Object> all = new HashMap<>(context);
    all.putAll(content);
    int year = ((Number) context.get(YEAR)).intValue();
    String memberId = (String) context.get(MEMBER_ID);
    // 10-KNĐ for a probationary member (formKind), else 02B for a leader, else 02A
    String form = SelfReviewRules.formOf(all).code();
    String proposed = (String) content.get(SELF_PROPOSED_LEVEL);
    int version =
        reviews.keep(
            year,
            memberId,
            taskId,
            (String) context.get(REGULATION),
            form,
            content,
            outcome,
            proposed,
            actor);

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("version", version);
    details.put("form", form);
    details.put("contentSha256", SelfReviews.sha256(SelfReviews.canonical(content)));
    details.put("totalPoints", outcome.map(SelfReviewRules.Outcome::total).orElse(null));
    details.put("derivedLevel", outcome.map(o -> o.level().name()).orElse(null));
    details.put(SELF_PROPOSED_LEVEL, proposed);
    timeline.record(
        year,
        memberId,
        TimelineKind.SELF_REVIEW_KEPT,
        ProcessKeys.SELF_REVIEW,
        taskId,
        actor,
        details);

    Map<String, Object> engine = new HashMap<>();
    if (!keepTextsInEngine) {
      ENGINE_FIELDS.stream()
          .filter(content::containsKey)
          .forEach(name -> engine.put(name, content.get(name)));
    }
    engine.put(SELF_REVIEW_SCORE, outcome.map(SelfReviewRules.Outcome::total).orElse(null));
    engine.put(SELF_REVIEW_LEVEL, outcome.map(o -> o.level().name()).orElse(null));
    engine.put(SELF_REVIEW_VERSION, version);
    return engine;
  }
}
