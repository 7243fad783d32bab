package kr.outage.compensation.payout.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

/**
 * The published formula, in whole won, rounding down once at the end of each step:
 *
 * <pre>
 *   plausible cap = floor(max daily sales of the category x impaired seconds / 86,400)   (no cap if not set)
 *   basis         = min(reported loss, plausible cap)
 *   assessed loss = floor(basis x operating margin x alternative factor x platform share)
 * </pre>
 *
 * The assessed loss picks the first tier whose bound it does not exceed; above the review
 * threshold the committee decides. A tier's evidence must be present, or the claim waits for it.
 */
public final class LossAssessment {

    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    private LossAssessment() {
    }

    public record Result(long assessedLoss, Long plausibleCap, boolean capped, Integer tier, Long support,
                         ClaimState state, List<String> missingEvidence, String explanation) {
    }

    /** A claim on the business's own figure: capped at what is plausible, tier evidence required. */
    public static Result assess(AssessmentParameters parameters, List<SupportTier> tiers, long reviewThreshold,
                                List<String> reviewEvidence, String category, String service, long reportedLoss,
                                long impairedSeconds, Set<String> evidenceProvided) {
        Long maxDaily = parameters.maxDailySalesOrEmpty().get(category);
        Long cap = maxDaily == null ? null : perImpairedTime(maxDaily, impairedSeconds);
        long basis = cap == null ? reportedLoss : Math.min(reportedLoss, cap);
        boolean capped = cap != null && reportedLoss > cap;
        String note = capped ? String.format(" (reported %,d capped at %,d for %d s impaired)", reportedLoss, cap,
                impairedSeconds) : "";
        return decide(parameters, tiers, reviewThreshold, reviewEvidence, category, service, basis, cap, capped, note,
                evidenceProvided, true);
    }

    /**
     * A claim on the platform's own baseline: the basis is what the business normally sells per day
     * through the service, times the impaired time. No documents are asked for under the threshold:
     * the platform already holds the evidence.
     */
    public static Result assessFromBaseline(AssessmentParameters parameters, List<SupportTier> tiers, long reviewThreshold,
                                            List<String> reviewEvidence, String category, String service,
                                            long dailyBaseline, long impairedSeconds, Set<String> evidenceProvided) {
        long basis = perImpairedTime(dailyBaseline, impairedSeconds);
        String note = String.format(" (baseline %,d KRW/day x %d s impaired)", dailyBaseline, impairedSeconds);
        return decide(parameters, tiers, reviewThreshold, reviewEvidence, category, service, basis, null, false, note,
                evidenceProvided, false);
    }

    /**
     * A baseline split across platforms: each platform's daily sales times that platform's impaired
     * time, rounded down per platform, then summed ({@code dailyByPlatform} and {@code secondsByPlatform}
     * name the same platforms, in order).
     */
    public static Result assessFromSplitBaseline(AssessmentParameters parameters, List<SupportTier> tiers, long reviewThreshold,
                                                 List<String> reviewEvidence, String category, String service,
                                                 java.util.Map<String, Long> dailyByPlatform,
                                                 java.util.Map<String, Long> secondsByPlatform, Set<String> evidenceProvided) {
        long basis = 0;
        List<String> parts = new java.util.ArrayList<>();
        for (var e : dailyByPlatform.entrySet()) {
            long seconds = secondsByPlatform.getOrDefault(e.getKey(), 0L);
            basis += perImpairedTime(e.getValue(), seconds);
            parts.add(String.format("%s %,d KRW/day x %d s", e.getKey(), e.getValue(), seconds));
        }
        String note = " (baseline per platform: " + String.join(" + ", parts) + ")";
        return decide(parameters, tiers, reviewThreshold, reviewEvidence, category, service, basis, null, false, note,
                evidenceProvided, false);
    }

    private static long perImpairedTime(long perDay, long impairedSeconds) {
        return BigDecimal.valueOf(perDay).multiply(BigDecimal.valueOf(impairedSeconds))
                .divide(SECONDS_PER_DAY, 0, RoundingMode.DOWN).longValueExact();
    }

    private static Result decide(AssessmentParameters parameters, List<SupportTier> tiers, long reviewThreshold,
                                 List<String> reviewEvidence, String category, String service, long basis, Long cap,
                                 boolean capped, String note, Set<String> evidenceProvided, boolean tierEvidenceRequired) {
        BigDecimal margin = parameters.operatingMargins().get(category);
        BigDecimal share = parameters.platformShares().get(service);
        long assessed = BigDecimal.valueOf(basis).multiply(margin).multiply(parameters.alternativeAvailabilityFactor())
                .multiply(share).setScale(0, RoundingMode.DOWN).longValueExact();
        String explanation = String.format("floor(%,d x margin %s x alternatives %s x share %s) = %,d KRW%s",
                basis, margin.toPlainString(), parameters.alternativeAvailabilityFactor().toPlainString(),
                share.toPlainString(), assessed, note);
        if (assessed > reviewThreshold) {
            return new Result(assessed, cap, capped, null, null, ClaimState.AWAITING_REVIEW,
                    missing(reviewEvidence, evidenceProvided), explanation);
        }
        for (int i = 0; i < tiers.size(); i++) {
            SupportTier tier = tiers.get(i);
            if (assessed <= tier.upTo()) {
                List<String> missing = tierEvidenceRequired ? missing(tier.evidence(), evidenceProvided) : List.of();
                ClaimState state = missing.isEmpty() ? ClaimState.APPROVED : ClaimState.EVIDENCE_REQUESTED;
                return new Result(assessed, cap, capped, i + 1, tier.support(), state, missing, explanation);
            }
        }
        throw new IllegalStateException("tiers do not reach the review threshold " + reviewThreshold);
    }

    private static List<String> missing(List<String> required, Set<String> provided) {
        return required == null ? List.of() : required.stream().filter(r -> !provided.contains(r)).toList();
    }
}
