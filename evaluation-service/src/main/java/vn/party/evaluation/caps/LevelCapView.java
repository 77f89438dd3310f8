package vn.party.evaluation.caps;

/**
 * The strictest level cap in force: the highest level the member may be rated, why (a member-caps reason code and
 * its Vietnamese text) and the rule row that says so. Absent when no cap applies. A response body's part (the
 * evaluation's and the collective's view).
 */
public record LevelCapView(String level, String reason, String reasonText, String ruleId) {}
