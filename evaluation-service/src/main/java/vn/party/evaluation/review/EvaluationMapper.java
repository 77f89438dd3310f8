package vn.party.evaluation.review;

import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import vn.party.evaluation.audit.HistoryEntry;
import vn.party.evaluation.audit.TimelineEntry;
import vn.party.evaluation.caps.LevelCapView;
import vn.party.evaluation.complaint.ComplaintFile;
import vn.party.evaluation.complaint.Complaints.Complaint;
import vn.party.evaluation.complaint.Reappraisals.Reappraisal;
import vn.party.evaluation.record.EvaluationRecord;
import vn.party.evaluation.review.EvaluationApi.ComplaintEntry;
import vn.party.evaluation.review.EvaluationApi.EvaluationView;
import vn.party.evaluation.review.EvaluationApi.ReappraisalView;
import vn.party.evaluation.rules.ReasonCode;

@Mapper(componentModel = "spring")
interface EvaluationMapper {

  @Mapping(target = "selfReview.level", source = "record.selfProposedLevel")
  @Mapping(target = "selfReview.comment", ignore = true)
  @Mapping(target = "selfReview.by", source = "record.selfReviewedBy")
  @Mapping(target = "selfReview.at", source = "record.selfReviewedAt")
  @Mapping(target = "residenceFeedback.status", source = "record.residenceFeedback")
  @Mapping(target = "residenceFeedback.comment", source = "record.residenceComment")
  @Mapping(target = "residenceFeedback.by", source = "record.residenceCommentBy")
  @Mapping(target = "residenceFeedback.at", source = "record.residenceCommentAt")
  @Mapping(target = "unitAssessment.status", source = "record.unitAssessment")
  @Mapping(target = "unitAssessment.comment", source = "record.unitComment")
  @Mapping(target = "unitAssessment.by", source = "record.unitCommentBy")
  @Mapping(target = "unitAssessment.at", source = "record.unitCommentAt")
  @Mapping(target = "branchReview.level", source = "record.branchProposedLevel")
  @Mapping(target = "branchReview.comment", source = "record.branchComment")
  @Mapping(target = "branchReview.by", source = "record.branchReviewedBy")
  @Mapping(target = "branchReview.at", source = "record.branchReviewedAt")
  @Mapping(target = "decision.level", source = "record.decidedLevel")
  @Mapping(target = "decision.comment", source = "record.decisionComment")
  @Mapping(target = "decision.by", source = "record.decidedBy")
  @Mapping(target = "decision.at", source = "record.decidedAt")
  @Mapping(target = "levelCap", source = "record")
  @Mapping(target = "complaints", source = "file.complaints")
  @Mapping(target = "reappraisal", source = "file.reappraisal")
  EvaluationView toView(EvaluationRecord record, ComplaintFile file);

  ComplaintEntry toComplaint(Complaint complaint);

  @Mapping(target = "level", source = "reappraisedLevel")
  @Mapping(target = "by", source = "decidedBy")
  @Mapping(target = "at", source = "decidedAt")
  @Mapping(target = "changed", expression = "java(reappraisal.changed())")
  ReappraisalView toReappraisal(Reappraisal reappraisal);

  /** Null when no cap is in force, so the view leaves it out. */
  default LevelCapView toLevelCap(EvaluationRecord record) {
    if (record.levelCap() == null) {
      return null;
    }
    return new LevelCapView(
        record.levelCap(),
        record.levelCapReason(),
        ReasonCode.parse(record.levelCapReason()).map(ReasonCode::label).orElse(null),
        record.levelCapRule());
  }

  @Mapping(target = "sequence", source = "id")
  @Mapping(target = "at", source = "occurredAt")
  HistoryEntry toHistoryEntry(TimelineEntry entry);

  List<HistoryEntry> toHistory(List<TimelineEntry> entries);
}
