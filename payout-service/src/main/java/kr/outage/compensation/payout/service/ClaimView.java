package kr.outage.compensation.payout.service;

import kr.outage.compensation.payout.domain.ClaimState;
import kr.outage.compensation.payout.domain.Evidence;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A claim with its assessment, as the service shows it (and as claim intake stores the first answer
 * it replays for an Idempotency-Key). The bank account is shown masked: the full number leaves the
 * service only in the bank-transfer export of a payout batch.
 */
public record ClaimView(UUID id, UUID programId, String businessRegistrationNumber, String businessName,
                        String category, String service,
                        @Schema(description = "mobile, web, pc, or all") List<String> platforms,
                        @Schema(nullable = true) Long reportedLoss, @Schema(nullable = true) String lossBasis,
                        BankAccountView bankAccount,
                        List<Evidence> evidence, ClaimState state,
                        AssessmentView assessment, List<String> missingEvidence, Instant filedAt,
                        Decision decision, Payment payment) {

    /** The committee's (or the rule's) decision: approvedBy is "rule:tier-N" for claims approved by tier. */
    public record Decision(Long recommendedAmount, String recommendedBy, Long approvedAmount, String approvedBy,
                           Instant approvedAt, String reason) {
    }

    /**
     * The transfer: the batch it is in, the bank's reference once paid; {@code failures} transfers the
     * bank refused or returned so far and the last reason and code it gave (a claim in payment_failed
     * waits for a corrected account); {@code transientFailures} the bank's passing failures in a row on
     * the current account (each retried in a later batch, up to payout.payments.transient-retries).
     */
    public record Payment(@Schema(nullable = true) UUID batchId, @Schema(nullable = true) String bankReference,
                          @Schema(nullable = true) Instant paidAt,
                          @Schema(description = "What the bank has paid of the approved amount so far, in KRW (an "
                                  + "objection's additional amount is paid in a later batch)") long paidAmount,
                          int failures,
                          @Schema(nullable = true) String lastFailureReason,
                          @Schema(nullable = true, enumeration = {"account_closed", "account_not_found", "holder_mismatch",
                                  "account_suspended", "transfer_refused", "bank_unavailable", "timeout",
                                  "daily_limit_exceeded", "other"}) String lastFailureCode,
                          int transientFailures) {
    }

    public record BankAccountView(String bank, String accountNumberMasked, String holder) {
    }

    /**
     * How the support amount was reached: {@code basedOn} the business's reported loss or the
     * platform's baseline sales; impaired time from incident-service (at the incident's
     * timeline revision {@code incidentRevision}), the plausibility cap,
     * the assessed loss with the formula applied, and the tier (null above the review threshold).
     */
    public record AssessmentView(String basedOn, long incidentRevision, long impairedSeconds, String impairedDuration, Long plausibleCap, boolean capped,
                                 long assessedLoss, Integer tier, Long supportAmount, boolean needsCommitteeReview,
                                 String formula) {
    }
}
