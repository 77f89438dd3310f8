/**
 * A collective before its head (366-QĐ/TW order): a member who heads a branch or the grassroots organization (bí thư)
 * is decided after the unit is rated, and not above the unit's level. The roster fact {@code head_of} is frozen on the
 * campaign's roster at launch; the head's evaluation stops before the committee's decision ({@link HeadedUnitLookup})
 * until {@link UnitHeads#unitRated} lets it go on with the unit's level, which the member-caps decision reads.
 */
package vn.party.evaluation.heads;
