/**
 * The evaluation rules, encoded: one DMN file per {@link vn.party.evaluation.process.Regulation}
 * ({@code dmn/rules-{code}.dmn}) and {@link vn.party.evaluation.rules.RuleBook}, the facade that
 * evaluates them.
 *
 * <p>The DMN tables hold what the regulations say, each rule row with its source in its
 * annotation; the values that come from secondary sources only (the quota ratio under 366, the
 * NOT_COMPLETED score threshold, the vote thresholds of the branch meeting) are not in the tables
 * but in {@link vn.party.evaluation.rules.RuleSettings}, configuration with documented defaults.
 *
 * <p>Engine-light: needs the Camunda DMN engine ({@code camunda-engine-dmn}, which comes with
 * {@code camunda-engine}) and nothing else; no process engine, no database. Not called from the
 * BPMN: the caps are applied by {@code process.validation.TaskCompletionRules} (through {@code
 * LevelCaps}), eligibility by the application at launch; a business rule task can later use {@code
 * decisionRef="member-level-${regulation}"} (ids in {@link vn.party.evaluation.rules.DecisionKeys}).
 */
package vn.party.evaluation.rules;
