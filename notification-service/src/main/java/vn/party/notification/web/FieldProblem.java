package vn.party.notification.web;

/**
 * One refused field of a request, as evaluation-service reports it: {@code field} (JSON path, or
 * {@code body} when the body is not readable at all), a {@code reason} code and a {@code message} in
 * the caller's language.
 */
public record FieldProblem(String field, String reason, String message) {}
