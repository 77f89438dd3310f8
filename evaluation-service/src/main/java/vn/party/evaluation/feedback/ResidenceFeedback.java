package vn.party.evaluation.feedback;

/** The residence-area party committee's comment on a member (nhận xét của chi ủy nơi cư trú). */
public record ResidenceFeedback(String memberId, int year, String comment, String submittedBy) {}
