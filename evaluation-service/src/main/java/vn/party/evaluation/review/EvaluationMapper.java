package vn.party.evaluation.review;

import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import vn.party.evaluation.audit.TimelineEntry;
import vn.party.evaluation.review.EvaluationApi.EvaluationView;
import vn.party.evaluation.review.EvaluationApi.HistoryEntry;
import vn.party.evaluation.review.EvaluationApi.LevelCapView;
import vn.party.evaluation.rules.ReasonCode;

@Mapper(componentModel = "spring")
interface EvaluationMapper {

  @Mapping(target = "selfReview.level", source = "selfProposedLevel")
  @Mapping(target = "selfReview.comment", ignore = true)
  @Mapping(target = "selfReview.by", source = "selfReviewedBy")
  @Mapping(target = "selfReview.at", source = "selfReviewedAt")
  @Mapping(target = "residenceFeedback.status", source = "residenceFeedback")
  @Mapping(target = "residenceFeedback.comment", source = "residenceComment")
  @Mapping(target = "residenceFeedback.by", source = "residenceCommentBy")
  @Mapping(target = "residenceFeedback.at", source = "residenceCommentAt")
  @Mapping(target = "unitAssessment.status", source = "unitAssessment")
  @Mapping(target = "unitAssessment.comment", source = "unitComment")
  @Mapping(target = "unitAssessment.by", source = "unitCommentBy")
  @Mapping(target = "unitAssessment.at", source = "unitCommentAt")
  @Mapping(target = "branchReview.level", source = "branchProposedLevel")
  @Mapping(target = "branchReview.comment", source = "branchComment")
  @Mapping(target = "branchReview.by", source = "branchReviewedBy")
  @Mapping(target = "branchReview.at", source = "branchReviewedAt")
  @Mapping(target = "decision.level", source = "decidedLevel")
  @Mapping(target = "decision.comment", source = "decisionComment")
  @Mapping(target = "decision.by", source = "decidedBy")
  @Mapping(target = "decision.at", source = "decidedAt")
  @Mapping(target = "levelCap", source = "record")
  EvaluationView toView(EvaluationRecord record);

  /** Null when no cap is in force, so the view leaves it out. */
  default LevelCapView toLevelCap(EvaluationRecord record) {
    if (record.levelCap() == null) {
      return null;
    }
    return new LevelCapView(record.levelCap(), record.levelCapReason(),
        ReasonCode.parse(record.levelCapReason()).map(ReasonCode::label).orElse(null), record.levelCapRule());
  }

  @Mapping(target = "sequence", source = "id")
  @Mapping(target = "at", source = "occurredAt")
  HistoryEntry toHistoryEntry(TimelineEntry entry);

  List<HistoryEntry> toHistory(List<TimelineEntry> entries);
}
