package kr.outage.compensation.entitlement.rest;

import kr.outage.compensation.entitlement.domain.CappedClaim;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A granted claim: what the person got and until when. */
public record ClaimView(UUID campaignId, String userId, long itemId, String itemCode, String label,
                        @Schema(nullable = true, description = "Null for a permanent item") Instant validUntil,
                        Instant claimedAt,
                        @Schema(description = "The grant's number, from 1 to the cap, never given twice; concurrent "
                                + "claimants take numbers from different ranges of the cap, so it is not the order of arrival")
                        long position, long cap) {

    public static ClaimView of(CappedClaim claim) {
        return new ClaimView(claim.campaignId(), claim.userId(), claim.itemId(), claim.itemCode(), claim.label(),
                claim.validUntil(), claim.claimedAt(), claim.position(), claim.cap());
    }
}
