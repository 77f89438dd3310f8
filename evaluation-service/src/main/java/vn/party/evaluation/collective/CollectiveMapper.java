package vn.party.evaluation.collective;

import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import vn.party.evaluation.audit.HistoryEntry;
import vn.party.evaluation.audit.TimelineEntry;
import vn.party.evaluation.caps.LevelCapView;
import vn.party.evaluation.collective.CollectiveApi.CollectiveView;
import vn.party.evaluation.rules.ReasonCode;

@Mapper(componentModel = "spring")
interface CollectiveMapper {

  @Mapping(target = "selfReview.strengths", source = "evaluation.strengths")
  @Mapping(target = "selfReview.limitations", source = "evaluation.limitations")
  @Mapping(target = "selfReview.remedialMeasures", source = "evaluation.remedialMeasures")
  @Mapping(target = "selfReview.allTasksDone", source = "evaluation.allTasksDone")
  @Mapping(target = "selfReview.lateTasksPercent", source = "evaluation.lateTasksPercent")
  @Mapping(target = "selfReview.level", source = "evaluation.selfProposedLevel")
  @Mapping(target = "selfReview.by", source = "evaluation.selfReviewedBy")
  @Mapping(target = "selfReview.at", source = "evaluation.selfReviewedAt")
  @Mapping(target = "decision.level", source = "evaluation.decidedLevel")
  @Mapping(target = "decision.comment", source = "evaluation.decisionComment")
  @Mapping(target = "decision.by", source = "evaluation.decidedBy")
  @Mapping(target = "decision.at", source = "evaluation.decidedAt")
  @Mapping(target = "levelCap", source = "evaluation")
  @Mapping(target = "year", source = "evaluation.year")
  @Mapping(target = "collectiveId", source = "evaluation.collectiveId")
  @Mapping(target = "kind", source = "evaluation.kind")
  @Mapping(target = "organizationId", source = "evaluation.organizationId")
  @Mapping(target = "name", source = "evaluation.name")
  @Mapping(target = "status", source = "evaluation.status")
  @Mapping(target = "notRatedReason", source = "evaluation.notRatedReason")
  @Mapping(target = "history", source = "history")
  CollectiveView toView(CollectiveEvaluation evaluation, List<TimelineEntry> history);

  /** Null when no cap is in force, so the view leaves it out. */
  default LevelCapView toLevelCap(CollectiveEvaluation evaluation) {
    if (evaluation.levelCap() == null) {
      return null;
    }
    return new LevelCapView(
        evaluation.levelCap(),
        evaluation.levelCapReason(),
        ReasonCode.parse(evaluation.levelCapReason()).map(ReasonCode::label).orElse(null),
        evaluation.levelCapRule());
  }

  @Mapping(target = "sequence", source = "id")
  @Mapping(target = "at", source = "occurredAt")
  HistoryEntry toHistoryEntry(TimelineEntry entry);

  List<HistoryEntry> toHistory(List<TimelineEntry> entries);
}
