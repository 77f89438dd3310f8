package vn.party.evaluation.meeting;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mapstruct.Mapper;
import vn.party.evaluation.meeting.MeetingApi.AgendaView;
import vn.party.evaluation.meeting.MeetingApi.EntryRequest;
import vn.party.evaluation.meeting.MeetingApi.MeetingRequest;
import vn.party.evaluation.rules.Level;

/** The meeting API's bodies and the domain's Meeting; the controller has refused unknown levels before. */
@Mapper(componentModel = "spring")
interface MeetingMapper {

  AgendaView toView(AgendaItem item);

  List<AgendaView> toViews(List<AgendaItem> items);

  Meeting toMeeting(MeetingRequest request);

  Meeting.Entry toEntry(EntryRequest request);

  /** Votes by level name; a level left out has none (a null count counts as none too). */
  default Map<Level, Integer> votes(Map<String, Integer> votes) {
    Map<Level, Integer> byLevel = new EnumMap<>(Level.class);
    if (votes != null) {
      votes.forEach((level, n) -> byLevel.put(Level.valueOf(level), n == null ? 0 : n));
    }
    return byLevel;
  }

  default Level level(String level) {
    return level == null ? null : Level.valueOf(level);
  }
}
