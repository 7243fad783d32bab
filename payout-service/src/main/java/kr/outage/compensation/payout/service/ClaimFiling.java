package kr.outage.compensation.payout.service;

import kr.outage.compensation.payout.domain.Evidence;
import kr.outage.compensation.payout.domain.SalesPlatform;

import java.util.List;

/**
 * A business's loss claim as filed. Its JSON form is the request's identity for the Idempotency-Key
 * (see {@link ClaimIntake}), so its components keep the names and order of the published request.
 */
public record ClaimFiling(String businessRegistrationNumber, String businessName, String category, String service,
                          List<SalesPlatform> platforms, Long reportedLoss, String lossBasis, Account bankAccount,
                          List<Evidence> evidence, OnBehalf onBehalf) {

    /** Where the support is to be paid, as the business wrote it. */
    public record Account(String bank, String accountNumber, String holder) {
    }

    /**
     * Claims staff filing for a business (at a counter, from a paper form): why, and the representative
     * the account may be held by. Null when the business's owner files for themselves.
     */
    public record OnBehalf(String reason, String representativeName) {
    }

    public List<SalesPlatform> platformsOrAll() {
        return platforms == null ? List.of(SalesPlatform.ALL) : platforms;
    }

    public List<Evidence> evidenceOrEmpty() {
        return evidence == null ? List.of() : evidence;
    }
}
