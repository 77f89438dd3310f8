package vn.party.evaluation.portal;

import java.time.OffsetDateTime;

/**
 * Something that happened at a time the pages show ({@link PeoplesWords#at}): a timeline entry, an evaluation's
 * history entry. The features' records implement it, so the pages' shell depends on none of them.
 */
public interface Occurred {

  OffsetDateTime occurredAt();
}
