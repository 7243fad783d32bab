package kr.outage.compensation.payout.rest;

import kr.outage.compensation.payout.domain.ClaimState;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A claim with its assessment. The bank account is shown masked: the full number leaves the
 * service only in the bank-transfer export of a payout batch.
 */
public record ClaimView(UUID id, UUID programId, String businessRegistrationNumber, String businessName,
                        String category, String service, Long reportedLoss, String lossBasis,
                        BankAccountView bankAccount, List<FileClaimRequest.Evidence> evidence, ClaimState state,
                        AssessmentView assessment, List<String> missingEvidence, Instant filedAt,
                        Decision decision, Payment payment) {

    /** The committee's (or the rule's) decision: approvedBy is "rule:tier-N" for claims approved by tier. */
    public record Decision(Long recommendedAmount, String recommendedBy, Long approvedAmount, String approvedBy,
                           Instant approvedAt, String reason) {
    }

    public record Payment(UUID batchId, String bankReference, Instant paidAt) {
    }

    public record BankAccountView(String bank, String accountNumberMasked, String holder) {

        public static BankAccountView masked(String bank, String account, String holder) {
            String digits = account.replace("-", "");
            String tail = digits.length() <= 4 ? digits : digits.substring(digits.length() - 4);
            return new BankAccountView(bank, "*".repeat(Math.max(0, digits.length() - 4)) + tail, holder);
        }
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
