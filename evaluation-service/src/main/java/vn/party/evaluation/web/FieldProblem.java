package vn.party.evaluation.web;

/** One thing wrong with a request: which field, a stable reason code, and a message in the user's language. */
public record FieldProblem(String field, String reason, String message) {}
