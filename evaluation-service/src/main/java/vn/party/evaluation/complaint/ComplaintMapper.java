package vn.party.evaluation.complaint;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import vn.party.evaluation.complaint.ComplaintApi.ComplaintView;

@Mapper(componentModel = "spring")
interface ComplaintMapper {

  @Mapping(target = "id", source = "complaint.id")
  @Mapping(target = "year", source = "complaint.year")
  @Mapping(target = "memberId", source = "complaint.memberId")
  @Mapping(target = "grounds", source = "complaint.grounds")
  @Mapping(target = "submittedBy", source = "complaint.submittedBy")
  @Mapping(target = "channel", source = "complaint.channel")
  @Mapping(target = "receivedAt", source = "complaint.receivedAt")
  @Mapping(target = "reappraisalStarted", source = "reappraisalStarted")
  @Mapping(target = "complaintWindowEnd", source = "announcement.windowEnd")
  ComplaintView toView(ComplaintService.Outcome outcome);
}
