package vn.party.evaluation.rosterimport;

import java.time.LocalDate;

/** A member already on file with a card number, as the import compares it. */
record ExistingMember(
    String id,
    String cardNumber,
    String fullName,
    LocalDate dateOfBirth,
    String sex,
    LocalDate admittedOn,
    LocalDate officialOn,
    String membership,
    String branchId,
    String partyPost,
    String statePost,
    boolean civilServant,
    boolean exempted,
    boolean suspended,
    String email,
    String phone,
    String headOf,
    String leadership) {}
