package vn.party.evaluation.review;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import vn.party.evaluation.audit.TimelineEntry;
import vn.party.evaluation.complaint.ComplaintFile;
import vn.party.evaluation.document.PartyHeader;
import vn.party.evaluation.document.VietnameseFormats;
import vn.party.evaluation.finalization.LevelAdjustments.LevelAdjustment;
import vn.party.evaluation.portal.PdfFonts;
import vn.party.evaluation.portal.PeoplesWords;
import vn.party.evaluation.portal.PortalTime;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.validation.TaskCompletionRules;
import vn.party.evaluation.record.EvaluationRecord;
import vn.party.evaluation.rerating.Reratings.Rerating;
import vn.party.evaluation.selfreview.SelfReview;

/**
 * A member's full record of one year as a PDF: the party's header (the branch, place and date in words), the levels
 * side by side, re-ratings, the whole timeline; times local and day first.
 */
final class EvaluationRecordPdf {

  private EvaluationRecordPdf() {}

  static byte[] write(
      PartyHeader header,
      EvaluationRecord e,
      List<LevelAdjustment> adjustments,
      List<Rerating> reratings,
      ComplaintFile complaints,
      List<TimelineEntry> timeline,
      SelfReview selfReview,
      MessageSource messages,
      Locale locale,
      PortalTime time,
      PeoplesWords words) {
    Function<String, String> msg = key -> messages.getMessage(key, null, key, locale);
    Function<String, String> level = code -> code == null ? "" : msg.apply("level." + code);
    Font text = PdfFonts.regular(9);
    Font bold = PdfFonts.bold(9);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 36, 36, 36, 36);
    PdfWriter.getInstance(document, out);
    document.open();
    // the party's header, as on the official papers: the branch, the organization above it, place
    // and date in words
    header.writeTo(document);
    Paragraph title =
        new Paragraph(
            messages.getMessage(
                "ui.evaluation.title", new Object[] {e.year(), e.memberName()}, locale),
            PdfFonts.bold(13));
    title.setAlignment(Element.ALIGN_CENTER);
    title.setSpacingBefore(10);
    document.add(title);
    document.add(
        new Paragraph(
            msg.apply("ui.evaluation.status") + ": " + msg.apply("status." + e.status()), text));

    PdfPTable levels =
        table(
            new float[] {2, 2, 3, 1.5f, 1.5f},
            bold,
            msg.apply("ui.evaluation.step"),
            msg.apply("ui.evaluation.level"),
            msg.apply("ui.evaluation.comment"),
            msg.apply("ui.evaluation.by"),
            msg.apply("ui.evaluation.at"));
    row(
        levels,
        text,
        msg.apply("ui.evaluation.self"),
        level.apply(e.selfProposedLevel()),
        "",
        words.person(e.selfReviewedBy()),
        time.format(e.selfReviewedAt()));
    row(
        levels,
        text,
        msg.apply("ui.evaluation.residence"),
        msg.apply("residence." + e.residenceFeedback()),
        e.residenceComment(),
        e.residenceCommentBy(),
        time.format(e.residenceCommentAt()));
    row(
        levels,
        text,
        msg.apply("ui.evaluation.unit"),
        msg.apply("unit-assessment." + e.unitAssessmentShown()),
        e.unitComment(),
        e.unitCommentBy(),
        time.format(e.unitCommentAt()));
    row(
        levels,
        text,
        msg.apply("ui.evaluation.branch"),
        level.apply(e.branchProposedLevel()),
        e.branchComment(),
        words.person(e.branchReviewedBy()),
        time.format(e.branchReviewedAt()));
    // an adjusted result: the committee's original decision, then each adjustment with its reason
    row(
        levels,
        text,
        msg.apply("ui.evaluation.decision"),
        level.apply(adjustments.isEmpty() ? e.decidedLevel() : adjustments.get(0).fromLevel()),
        e.decisionComment(),
        words.person(e.decidedBy()),
        time.format(e.decidedAt()));
    for (LevelAdjustment a : adjustments) {
      row(
          levels,
          text,
          msg.apply("ui.evaluation.adjusted"),
          level.apply(a.toLevel()),
          a.reason(),
          words.person(a.adjustedBy()),
          time.format(a.adjustedAt()));
    }
    for (Rerating r : reratings) {
      row(
          levels,
          text,
          msg.apply("timeline.RERATED") + " (" + r.disciplineDecisionId() + ")",
          level.apply(r.reratedLevel()),
          r.comment(),
          words.person(r.decidedBy()),
          time.format(r.decidedAt()));
    }
    if (complaints.reappraisal() != null) {
      var r = complaints.reappraisal();
      row(
          levels,
          text,
          msg.apply("timeline.REAPPRAISED"),
          r.reappraisedLevel() == null
              ? msg.apply("ui.complaints.pending")
              : level.apply(r.reappraisedLevel()),
          r.comment(),
          words.person(r.decidedBy()),
          time.format(r.decidedAt()));
    }
    document.add(levels);

    if (!complaints.complaints().isEmpty()) {
      document.add(new Paragraph(msg.apply("ui.complaints.title"), PdfFonts.bold(11)));
      PdfPTable rows =
          table(
              new float[] {1.5f, 2, 6},
              bold,
              msg.apply("ui.evaluation.at"),
              msg.apply("ui.evaluation.by"),
              msg.apply("field.grounds"));
      for (var c : complaints.complaints()) {
        row(rows, text, time.format(c.receivedAt()), words.person(c.submittedBy()), c.grounds());
      }
      document.add(rows);
    }
    if (selfReview != null) {
      // the submitted self-review as kept, sections I–VII in form order, with its version and hash
      document.add(new Paragraph(msg.apply("ui.self-review.summary"), PdfFonts.bold(11)));
      document.add(
          new Paragraph(
              messages.getMessage(
                  "ui.self-review.kept",
                  new Object[] {
                    selfReview.version(),
                    selfReview.contentSha256(),
                    time.format(selfReview.submittedAt()),
                    selfReview.form()
                  },
                  locale),
              text));
      // what is known of the points and the level they give; an unknown one is left out, as the
      // self-review's own paper leaves it out
      List<String> outcome = new ArrayList<>();
      if (selfReview.totalPoints() != null) {
        outcome.add(
            msg.apply("ui.self-review.points.total")
                + ": "
                + VietnameseFormats.points(selfReview.totalPoints())
                + "/100");
      }
      if (selfReview.derivedLevel() != null) {
        outcome.add(
            msg.apply("ui.self-review.derived-level")
                + ": "
                + level.apply(selfReview.derivedLevel()));
      }
      if (!outcome.isEmpty()) {
        document.add(new Paragraph(String.join(" · ", outcome), text));
      }
      // each item of the self-review and what the member wrote, graded or answered (not steps and
      // opinions: the levels' table above has those)
      PdfPTable review =
          table(
              new float[] {2, 5},
              bold,
              msg.apply("ui.self-review.table.item"),
              msg.apply("ui.self-review.table.answer"));
      for (String field : TaskCompletionRules.fields(ProcessKeys.SELF_REVIEW)) {
        Object value = selfReview.content().get(field);
        if (value != null && !(value instanceof Boolean)) {
          String shown =
              messages.getMessage(
                  (field.endsWith("Grade") ? "grade." : "level.") + value,
                  null,
                  String.valueOf(value),
                  locale);
          row(review, text, msg.apply("field." + field), shown);
        } else if (value instanceof Boolean flag) {
          // in words, as the self-review's paper and the record's page answer it
          row(
              review,
              text,
              msg.apply("field." + field),
              msg.apply(flag ? "ui.form.yes" : "ui.form.no"));
        }
      }
      document.add(review);
    }

    document.add(new Paragraph(msg.apply("ui.evaluation.timeline"), PdfFonts.bold(11)));
    PdfPTable steps =
        table(
            new float[] {1.5f, 2, 2, 1.5f, 4},
            bold,
            msg.apply("ui.evaluation.at"),
            msg.apply("ui.evaluation.step"),
            msg.apply("ui.tasks.task"),
            msg.apply("ui.evaluation.by"),
            msg.apply("ui.evaluation.details"));
    for (TimelineEntry entry : timeline) {
      // the details worth reading, labelled and in words (names, levels, local times), never
      // variable names
      StringBuilder details = new StringBuilder();
      for (var detail : words.details(entry.details())) {
        details.append(detail.label()).append(": ").append(detail.value()).append('\n');
      }
      row(
          steps,
          text,
          time.format(entry.occurredAt()),
          msg.apply("timeline." + entry.kind()),
          entry.taskKey() == null ? "" : msg.apply("task." + entry.taskKey()),
          words.person(entry.actor()),
          details.toString());
    }
    document.add(steps);
    document.close();
    return out.toByteArray();
  }

  private static PdfPTable table(float[] widths, Font font, String... headers) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setSpacingBefore(8);
    table.setHeaderRows(1);
    for (String header : headers) {
      table.addCell(new Phrase(header, font));
    }
    return table;
  }

  private static void row(PdfPTable table, Font font, String... cells) {
    for (String cell : cells) {
      table.addCell(new Phrase(cell == null ? "" : cell, font));
    }
  }
}
