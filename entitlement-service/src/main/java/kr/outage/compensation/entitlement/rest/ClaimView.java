package kr.outage.compensation.entitlement.rest;

import java.time.Instant;
import java.util.UUID;

/** A granted claim: what the person got and until when; {@code position} is their place among claimants. */
public record ClaimView(UUID campaignId, String userId, long itemId, String itemCode, String label, Instant validUntil,
                        Instant claimedAt, long position, long cap) {
}
