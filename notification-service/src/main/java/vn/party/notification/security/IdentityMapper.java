package vn.party.notification.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mapstruct.Mapper;
import org.mapstruct.MappingConstants;

@Mapper(componentModel = MappingConstants.ComponentModel.SPRING)
public interface IdentityMapper {

  SignedInUser toSignedInUser(MeResponse me);

  default Set<String> groupIds(List<JsonNode> groups) {
    Set<String> ids = new LinkedHashSet<>();
    if (groups != null) {
      for (JsonNode group : groups) {
        JsonNode id = group != null && group.isObject() ? group.get("id") : group;
        if (id != null && id.isTextual() && !id.asText().isBlank()) {
          ids.add(id.asText());
        }
      }
    }
    return ids;
  }
}
