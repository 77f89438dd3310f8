package vn.party.evaluation.campaign;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import vn.party.evaluation.campaign.CampaignApi.CampaignView;
import vn.party.evaluation.campaign.CampaignApi.CreateCampaignRequest;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.rules.Regulation;

@Mapper(componentModel = "spring")
interface CampaignMapper {

  @Mapping(target = "unitAssessmentDue", expression = "java(unitAssessmentDue(request))")
  NewCampaign toNewCampaign(CreateCampaignRequest request);

  /**
   * Both comments from outside the branch are collected in the same weeks before the branch meeting, so without a
   * date of its own the unit assessment is due when the residence comment is.
   */
  default OffsetDateTime unitAssessmentDue(CreateCampaignRequest request) {
    return request.unitAssessmentDue() != null
        ? request.unitAssessmentDue()
        : request.residenceFeedbackDue();
  }

  @Mapping(
      target = "regulationTitle",
      expression = "java(Regulation.fromCode(campaign.regulation()).title())")
  @Mapping(target = "deadlines", source = "campaign")
  @Mapping(
      target = "progress",
      expression = "java(progress(campaign, decidedByLevel, notRatedByReason))")
  CampaignView toView(
      Campaign campaign, Map<Level, Integer> decidedByLevel, Map<String, Integer> notRatedByReason);

  @Mapping(target = "decidedByLevel", source = "decidedByLevel")
  @Mapping(target = "notRatedByReason", source = "notRatedByReason")
  CampaignApi.Progress progress(
      Campaign campaign, Map<Level, Integer> decidedByLevel, Map<String, Integer> notRatedByReason);

  CampaignApi.Deadlines deadlines(Campaign campaign);

  default Regulation regulation(String code) {
    return Regulation.fromCode(code);
  }

  default Map<String, Integer> byLevel(Map<Level, Integer> counts) {
    Map<String, Integer> result = new LinkedHashMap<>();
    counts.forEach((level, n) -> result.put(level.name(), n));
    return result;
  }
}
