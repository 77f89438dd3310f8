package vn.party.evaluation.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.party.evaluation.process.ProcessVariables;
import vn.party.evaluation.process.validation.SelfReviewRules;
import vn.party.evaluation.process.validation.TaskCompletionRules.FormField;
import vn.party.evaluation.rules.Regulation;
import vn.party.evaluation.rules.RuleBook;

/**
 * The self-review form laid out as the official form prints it (Mẫu 02A, 02B, 10-KNĐ as the domain notes give them):
 * sections numbered I, II, III… in the order of the member's form — a section the form does not have takes no
 * number, so 10-KNĐ runs I–IV — the criteria of section I numbered 1, 2, 3…, and each criterion's points with the
 * maximum of its group under a regulation that scores.
 *
 * @param sections in form order
 * @param criterionNumbers a criterion's text field → its number in section I ("1", "2"…)
 * @param pointsMax a points field → the maximum of its group (the notes give group maxima only: 30 and 70 under 366)
 * @param pointsGroup a points field → its group's name ({@code CriterionGroup})
 * @param levelSection the numeral of the self-proposed level's section (the outcome's hint names it)
 */
public record SelfReviewLayout(
    List<Section> sections,
    Map<String, String> criterionNumbers,
    Map<String, Integer> pointsMax,
    Map<String, String> pointsGroup,
    String levelSection) {

  /**
   * One numbered section.
   *
   * @param key the section's message key suffix ({@code self-review.section.<key>})
   * @param single whether the section is one text whose label is the section's title
   */
  public record Section(String numeral, String key, List<FormField> fields, boolean single) {}

  private static final String[] NUMERALS = {
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"
  };

  private static final List<String> TASK_CONDITIONS =
      List.of(
          ProcessVariables.ALL_TASKS_ON_TIME,
          ProcessVariables.EXCEEDING_TASKS_PERCENT,
          ProcessVariables.SHORTCOMINGS_REMEDIED);

  /** The layout of the member's form (its fields as the case shows them, see TaskCompletionRules#form). */
  public static SelfReviewLayout of(
      List<FormField> fields, Optional<Regulation> regulation, RuleBook rules) {
    Map<String, FormField> byName = new LinkedHashMap<>();
    fields.forEach(field -> byName.put(field.name(), field));
    List<List<FormField>> parts = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    Map<String, String> numbers = new LinkedHashMap<>();
    Map<String, Integer> maxima = new LinkedHashMap<>();
    Map<String, String> groups = new LinkedHashMap<>();

    List<FormField> first = new ArrayList<>();
    take(byName, ProcessVariables.STRENGTHS, first);
    int n = 0;
    for (SelfReviewRules.Criterion criterion : SelfReviewRules.CRITERIA) {
      if (!byName.containsKey(criterion.field())) {
        continue;
      }
      numbers.put(criterion.field(), String.valueOf(++n));
      take(byName, criterion.field(), first);
      take(byName, criterion.gradeField(), first);
      if (take(byName, criterion.pointsField(), first)) {
        regulation
            .flatMap(
                r -> {
                  var max = rules.maxPoints(r, criterion.group());
                  return max.isPresent() ? Optional.of(max.getAsInt()) : Optional.empty();
                })
            .ifPresent(max -> maxima.put(criterion.pointsField(), max));
        groups.put(criterion.pointsField(), criterion.group().name());
      }
    }
    TASK_CONDITIONS.forEach(name -> take(byName, name, first));
    parts.add(first);
    keys.add("strengths");
    for (String single :
        List.of(
            ProcessVariables.LIMITATIONS,
            SelfReviewRules.SHORTCOMINGS_FIXED,
            SelfReviewRules.REVIEW_ISSUES_ANSWERS,
            SelfReviewRules.COLLECTIVE_RESPONSIBILITY,
            ProcessVariables.REMEDIAL_MEASURES)) {
      List<FormField> part = new ArrayList<>();
      if (take(byName, single, part)) {
        parts.add(part);
        keys.add(single);
      }
    }
    List<FormField> level = new ArrayList<>();
    take(byName, ProcessVariables.SELF_PROPOSED_LEVEL, level);
    take(byName, SelfReviewRules.CIVIL_SERVICE_SELF_PROPOSED_LEVEL, level);
    parts.add(level);
    keys.add("selfProposedLevel");
    // anything left (a field added to the rules but not placed here) still shows, in its own
    // unnumbered part
    List<Section> sections = new ArrayList<>();
    String levelSection = null;
    for (int i = 0; i < parts.size(); i++) {
      boolean single = !keys.get(i).equals("strengths") && !keys.get(i).equals("selfProposedLevel");
      sections.add(new Section(NUMERALS[i], keys.get(i), parts.get(i), single));
      if (keys.get(i).equals("selfProposedLevel")) {
        levelSection = NUMERALS[i];
      }
    }
    if (!byName.isEmpty()) {
      sections.add(new Section("", "other", List.copyOf(byName.values()), false));
    }
    return new SelfReviewLayout(sections, numbers, maxima, groups, levelSection);
  }

  private static boolean take(Map<String, FormField> byName, String name, List<FormField> into) {
    FormField field = byName.remove(name);
    if (field != null) {
      into.add(field);
    }
    return field != null;
  }
}
