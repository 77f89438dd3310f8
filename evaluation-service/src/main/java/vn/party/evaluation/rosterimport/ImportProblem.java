package vn.party.evaluation.rosterimport;

/**
 * One thing wrong in the file: the row as the spreadsheet numbers it (the heading is row 1), the column's letter and
 * heading, the field, a stable reason code, and the message in Vietnamese and in English.
 */
public record ImportProblem(
    int row,
    String column,
    String heading,
    String field,
    String reason,
    String message,
    String messageEn) {}
