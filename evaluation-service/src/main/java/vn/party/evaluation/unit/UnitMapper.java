package vn.party.evaluation.unit;

import java.util.List;
import org.mapstruct.Mapper;
import vn.party.evaluation.unit.UnitApi.HistoryView;
import vn.party.evaluation.unit.UnitApi.SeatView;
import vn.party.evaluation.unit.UnitApi.UnitView;

@Mapper(componentModel = "spring")
interface UnitMapper {

  UnitView toView(Unit unit);

  List<UnitView> toViews(List<Unit> units);

  SeatView toView(CommitteeSeat seat);

  List<SeatView> toSeatViews(List<CommitteeSeat> seats);

  HistoryView toView(UnitHistoryEntry entry);

  List<HistoryView> toHistoryViews(List<UnitHistoryEntry> entries);
}
