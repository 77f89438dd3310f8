package vn.party.evaluation.caps;

import java.time.LocalDate;

/**
 * A discipline decision against a member, as received ({@code vn.party.member.disciplined}).
 *
 * @param year the evaluated year the discipline counts in
 * @param decisionId the decision's own number (e.g. {@code 15-QĐ/UBKT}): one decision counts once
 * @param selfDetectedAndRemedied the violation was self-detected and its consequences remedied (the exception of
 *     124-QĐ/TW: no cap, where the regulation admits it)
 */
public record DisciplineDecision(
    String memberId,
    int year,
    String decisionId,
    DisciplineForm form,
    boolean selfDetectedAndRemedied,
    LocalDate decidedOn,
    String decidedBy) {}
