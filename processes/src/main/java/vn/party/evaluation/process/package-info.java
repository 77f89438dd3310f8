/**
 * The public contract of the evaluation processes: process keys, element ids, message names,
 * variable names, business keys and group ids, plus the value types they carry.
 *
 * <p>These names are shared with other systems (see {@code docs/contracts.md}); code that starts,
 * correlates or queries the processes uses these constants instead of string literals, so a
 * rename is one change here and not a search through several services.
 *
 * <p>The levels and regulations the processes carry ({@link vn.party.evaluation.rules.Level}, {@link
 * vn.party.evaluation.rules.Regulation}) are in {@code vn.party.evaluation.rules}, which the rules and the
 * processes share: {@code process} uses {@code rules}, never the other way round.
 *
 * <p>Depends on nothing but the JDK and those values (plain enums and a record), so any module can use it without
 * pulling in the engine.
 */
package vn.party.evaluation.process;
