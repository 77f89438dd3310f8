package vn.party.evaluation.complaint;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.party.evaluation.complaint.Complaints.Complaint;
import vn.party.evaluation.complaint.Reappraisals.Reappraisal;

/** A member's complaints of a year and the re-appraisal they started (null: none), for the evaluation record. */
public record ComplaintFile(List<Complaint> complaints, Reappraisal reappraisal) {

  /** Reads a member's complaint file. */
  @Component("complaintFiles")
  public static class Reader {

    private final Complaints complaints;
    private final Reappraisals reappraisals;
    private final Announcements announcements;

    public Reader(Complaints complaints, Reappraisals reappraisals, Announcements announcements) {
      this.complaints = complaints;
      this.reappraisals = reappraisals;
      this.announcements = announcements;
    }

    public ComplaintFile of(int year, String memberId) {
      return new ComplaintFile(
          complaints.of(year, memberId), reappraisals.of(year, memberId).orElse(null));
    }

    /** The announcement of the campaign, if its results were announced (the window's end and whether closed). */
    public Optional<Announcements.Announcement> announcement(UUID campaignId) {
      return announcements.of(campaignId);
    }
  }
}
