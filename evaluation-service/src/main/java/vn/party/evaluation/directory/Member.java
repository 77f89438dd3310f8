package vn.party.evaluation.directory;

/** A party member as the evaluation needs them: who, which branch, which grassroots organization. */
public record Member(
    String id,
    String fullName,
    String email,
    String branchId,
    String organizationId,
    String membership) {}
