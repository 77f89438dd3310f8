package vn.party.evaluation.rules;

import java.util.List;

/**
 * Ids of the rule decisions and of the files that hold them.
 *
 * <p>A decision id is {@code {kind}-{regulation code}}, e.g. {@code member-level-QD-366-2025}: a
 * valid XML NCName (letters, digits, hyphens; starts with a letter), accepted as such by the
 * Camunda 7 DMN parser and process engine. Because the suffix is exactly {@link
 * Regulation#code()}, the value of the {@code regulation} process variable, a business rule task
 * can select the table with {@code camunda:decisionRef="member-level-${regulation}"}.
 *
 * <p>Each regulation's decisions are in one file, {@code dmn/rules-{code}.dmn}, whose definitions
 * id ({@code rules-{code}}) is the key of the decision requirements definition when deployed.
 */
public final class DecisionKeys {

  /** Who is rated, and on which form: hit policy FIRST. */
  public static final String MEMBER_ELIGIBILITY = "member-eligibility";

  /** The highest level a member may get, every applicable cap: hit policy RULE ORDER. */
  public static final String MEMBER_CAPS = "member-caps";

  /** The level from the score (366) or from the criteria grades (124, 132): hit policy FIRST. */
  public static final String MEMBER_LEVEL = "member-level";

  /** Whether an organization (branch, grassroots organization) is rated: hit policy UNIQUE. */
  public static final String ORGANIZATION_ELIGIBILITY = "organization-eligibility";

  /** The highest level a collective (branch, grassroots organization) may get, every applicable cap: RULE ORDER. */
  public static final String COLLECTIVE_CAPS = "collective-caps";

  /**
   * The most points a group of self-review criteria can get (366: general 30, task results 70;
   * 124 and 132 score nothing): hit policy UNIQUE.
   */
  public static final String CRITERION_POINTS = "criterion-points";

  /** Every kind of decision; each regulation's file has exactly one decision of each. */
  public static final List<String> KINDS =
      List.of(
          MEMBER_ELIGIBILITY,
          MEMBER_CAPS,
          MEMBER_LEVEL,
          ORGANIZATION_ELIGIBILITY,
          COLLECTIVE_CAPS,
          CRITERION_POINTS);

  private DecisionKeys() {}

  /** The decision id, e.g. {@code id(MEMBER_LEVEL, QD_366_2025)} = {@code member-level-QD-366-2025}. */
  public static String id(String kind, Regulation regulation) {
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("Unknown decision kind: " + kind);
    }
    return kind + "-" + regulation.code();
  }

  /** The classpath resource holding the regulation's decisions, e.g. {@code dmn/rules-QD-366-2025.dmn}. */
  public static String resource(Regulation regulation) {
    return "dmn/rules-" + regulation.code() + ".dmn";
  }

  /** The id of the file's {@code definitions}, e.g. {@code rules-QD-366-2025}. */
  public static String definitionsId(Regulation regulation) {
    return "rules-" + regulation.code();
  }
}
