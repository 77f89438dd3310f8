package vn.party.evaluation.selfreview;

import org.mapstruct.Mapper;

@Mapper(componentModel = "spring")
interface SelfReviewMapper {

  SelfReviewView toView(SelfReview review);
}
