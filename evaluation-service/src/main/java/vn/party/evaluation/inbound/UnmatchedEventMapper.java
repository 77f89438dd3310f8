package vn.party.evaluation.inbound;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import vn.party.evaluation.inbound.UnmatchedEventApi.UnmatchedEventView;
import vn.party.evaluation.inbound.UnmatchedEvents.UnmatchedEvent;

@Mapper(componentModel = "spring")
interface UnmatchedEventMapper {

  @Mapping(target = "reasonText", source = "reasonText")
  UnmatchedEventView toView(UnmatchedEvent event, String reasonText);
}
