package vn.party.evaluation.roster;

import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import vn.party.evaluation.roster.RosterApi.FieldChangeView;
import vn.party.evaluation.roster.RosterApi.MemberRosterView;
import vn.party.evaluation.roster.RosterApi.PreviousHeadView;
import vn.party.evaluation.roster.RosterApi.RosterChangeView;
import vn.party.evaluation.roster.RosterApi.RosterUpdateView;

@Mapper(componentModel = "spring")
interface RosterMapper {

  MemberRosterView toView(MemberRoster roster);

  RosterChangeView toChangeView(RosterChange change);

  FieldChangeView toFieldChangeView(RosterChange.FieldChange change);

  List<RosterChangeView> toChangeViews(List<RosterChange> changes);

  PreviousHeadView toPreviousHeadView(RosterUpdate.PreviousHead previousHead);

  @Mapping(target = "member", source = "update.member")
  @Mapping(target = "change", source = "update.change")
  @Mapping(target = "previousHead", source = "update.previousHead")
  @Mapping(target = "runningCampaignYears", source = "update.runningCampaignYears")
  @Mapping(target = "notice", source = "notice")
  RosterUpdateView toUpdateView(RosterUpdate update, String notice);
}
