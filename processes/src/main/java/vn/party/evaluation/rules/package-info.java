/**
 * The evaluation rules, encoded: one DMN file per {@link vn.party.evaluation.rules.Regulation}
 * ({@code dmn/rules-{code}.dmn}) and {@link vn.party.evaluation.rules.RuleBook}, the facade that
 * evaluates them.
 *
 * <p>The DMN tables hold what the regulations say, each rule row with its source in its
 * annotation; the values that come from secondary sources only (the quota ratio under 366, the
 * NOT_COMPLETED score threshold, the vote thresholds of the branch meeting) are not in the tables
 * but in {@link vn.party.evaluation.rules.RuleSettings}, configuration with documented defaults.
 *
 * <p>Also the values the processes carry and the rules decide on: {@link vn.party.evaluation.rules.Level}, {@link
 * vn.party.evaluation.rules.Regulation}, and {@link vn.party.evaluation.rules.Names}, the Vietnamese and English
 * names of an enum's values. Depends on no class of {@code vn.party.evaluation.process} (which uses this package).
 *
 * <p>Engine-light: needs the Camunda DMN engine ({@code camunda-engine-dmn}, which comes with
 * {@code camunda-engine}) and nothing else, read through {@code rules.flow.DecisionFile}; no process engine, no
 * database. Not called from the
 * BPMN: the caps are applied by {@code process.validation.TaskCompletionRules} (through {@code
 * LevelCaps}), eligibility by the application at launch; a business rule task can later use {@code
 * decisionRef="member-level-${regulation}"} (ids in {@link vn.party.evaluation.rules.DecisionKeys}).
 */
package vn.party.evaluation.rules;
