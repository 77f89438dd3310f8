package vn.party.evaluation.collective;

import java.time.LocalDate;

/**
 * A discipline decision against a party organization, as received ({@code vn.party.organization.disciplined}).
 *
 * @param organizationId a branch id or a grassroots organization id
 * @param year the evaluated year the discipline counts in
 * @param decisionId the decision's own number: one decision counts once, a correction replaces it
 */
public record OrganizationDiscipline(
    String organizationId,
    int year,
    String decisionId,
    OrganizationDisciplineForm form,
    LocalDate decidedOn,
    String decidedBy) {}
