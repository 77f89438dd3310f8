package vn.party.notification.preference;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;

@Mapper(componentModel = MappingConstants.ComponentModel.SPRING)
public interface PreferenceMapper {

  PreferenceResponse toResponse(Preference preference);

  /** The request is validated first: {@code emailEnabled} is never null here. */
  @Mapping(target = "userId", source = "userId")
  @Mapping(target = "emailEnabled", source = "request.emailEnabled")
  @Mapping(target = "updatedAt", ignore = true)
  Preference toPreference(String userId, PreferenceRequest request);
}
