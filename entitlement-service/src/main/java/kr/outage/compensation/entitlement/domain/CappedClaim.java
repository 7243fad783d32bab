package kr.outage.compensation.entitlement.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A granted first-come claim: what the person got and until when. {@code position} is the grant's
 * number, from 1 to the cap and never given twice; concurrent claimants take numbers from different
 * ranges of the cap, so it is not the order in which people arrived.
 */
public record CappedClaim(UUID campaignId, String userId, long itemId, String itemCode, String label, Instant validUntil,
                          Instant claimedAt, long position, long cap) {
}
