package vn.party.evaluation.rosterimport;

import java.time.LocalDate;

/** One checked row of the roster file: the member's facts as the file states them. */
record MemberRow(
    int row,
    String fullName,
    LocalDate dateOfBirth,
    String sex,
    String cardNumber,
    LocalDate admittedOn,
    LocalDate officialOn,
    String branchId,
    String partyPost,
    String statePost,
    boolean civilServant,
    boolean exempted,
    boolean suspended,
    String email,
    String phone,
    String account) {

  /** Made official: OFFICIAL; not yet: PROBATIONARY (đảng viên dự bị). */
  String membership() {
    return officialOn != null ? "OFFICIAL" : "PROBATIONARY";
  }
}
