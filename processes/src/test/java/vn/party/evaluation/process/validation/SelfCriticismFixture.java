package vn.party.evaluation.process.validation;

import java.util.HashMap;
import java.util.Map;
import vn.party.evaluation.process.MemberFixtures;

/** The sections a self-criticism requires, for tests whose subject is another part of the self-review. */
final class SelfCriticismFixture {

  private SelfCriticismFixture() {}

  /**
   * The values with each section the member's form requires added where absent (a value the test gives, even blank,
   * stays): the rows then test what they name, not the missing sections.
   */
  static Map<String, Object> withSections(Map<String, Object> values) {
    Map<String, Object> all = new HashMap<>(values);
    MemberFixtures.selfCriticism()
        .forEach(
            (section, text) -> {
              if (SelfReviewRules.requiredSection(section, values)) {
                all.putIfAbsent(section, text);
              }
            });
    return all;
  }
}
