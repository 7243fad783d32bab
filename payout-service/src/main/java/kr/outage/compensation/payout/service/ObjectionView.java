package kr.outage.compensation.payout.service;

import kr.outage.compensation.payout.domain.Evidence;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An objection as its filer and the committee see it: what was objected to (the claim's state and
 * amount then, and when that was decided), why, and where the committee's answer stands:
 * {@code filed}, {@code recommended} by a reviewer, or {@code decided} by a payout approver who did not
 * recommend it.
 */
@Schema(name = "ObjectionView")
public record ObjectionView(UUID claimId, UUID programId, String businessName,
                            @Schema(enumeration = {"rejected", "approved", "in_payment", "payment_failed", "paid"}) String objectedState,
                            long amountBefore, Instant decidedAt, String reason, List<Evidence> documents, Instant filedAt,
                            @Schema(enumeration = {"filed", "recommended", "decided"}) String state,
                            @Schema(nullable = true) Recommendation recommendation,
                            @Schema(nullable = true) Outcome outcome) {

    /** A reviewer's proposal: the decision stands, or the amount it should be amended to. */
    public record Recommendation(@Schema(enumeration = {"decision_upheld", "amended"}) String outcome,
                                 @Schema(nullable = true) Long amount, String recommendedBy, String reason) {
    }

    /**
     * The committee's answer: {@code amount} is the claim's amount afterwards, {@code additionalAmount}
     * what the objection added (paid in a later batch; 0 when the decision stands).
     */
    public record Outcome(@Schema(enumeration = {"decision_upheld", "amended"}) String outcome, long amount,
                          long additionalAmount, String decidedBy, String reason, Instant decidedAt) {
    }
}
