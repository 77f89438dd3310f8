package vn.party.evaluation.finalization;

import java.util.List;
import org.mapstruct.Mapper;
import vn.party.evaluation.finalization.AdjustmentApi.AdjustmentView;
import vn.party.evaluation.finalization.LevelAdjustments.LevelAdjustment;

@Mapper(componentModel = "spring")
public interface AdjustmentMapper {

  AdjustmentView toView(LevelAdjustment adjustment);

  List<AdjustmentView> toViews(List<LevelAdjustment> adjustments);
}
