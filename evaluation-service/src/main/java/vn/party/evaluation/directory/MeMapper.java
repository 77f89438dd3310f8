package vn.party.evaluation.directory;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import vn.party.evaluation.directory.MeController.Me;
import vn.party.evaluation.security.CurrentUser;

@Mapper(componentModel = "spring")
interface MeMapper {

  @Mapping(target = "userId", source = "user.userId")
  @Mapping(target = "groups", source = "user.groups")
  @Mapping(target = "displayName", source = "person.displayName")
  @Mapping(target = "email", source = "person.email")
  Me toMe(CurrentUser user, Recipient person);
}
