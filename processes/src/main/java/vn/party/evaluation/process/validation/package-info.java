/**
 * What a user task needs before it may be completed, and the engine hook that enforces it.
 *
 * <p>{@link vn.party.evaluation.process.validation.TaskCompletionRules} is the single rule table.
 * It is plain Java so that a REST layer can check a request before it reaches the engine; the
 * {@link vn.party.evaluation.process.validation.TaskCompletionValidator} task listener, declared
 * on every user task in the BPMN, applies the same table inside the engine, so that no client
 * (Tasklist, engine REST, a service) can complete a task with missing or invalid values.
 */
package vn.party.evaluation.process.validation;
