package kr.outage.compensation.payout.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import kr.outage.compensation.payout.domain.Evidence;
import kr.outage.compensation.payout.domain.SalesPlatform;

import java.util.List;

/**
 * A business's loss claim as filed. Its JSON form is the request's identity for the Idempotency-Key
 * (see {@link ClaimIntake}), so its components keep the names and order of the published request.
 */
public record ClaimFiling(String businessRegistrationNumber, String businessName, String category, String service,
                          List<SalesPlatform> platforms, Long reportedLoss, String lossBasis, Account bankAccount,
                          List<Evidence> evidence, OnBehalf onBehalf,
                          // left out when absent, so a claim without it keeps its identity from before contacts
                          @JsonInclude(JsonInclude.Include.NON_NULL) Contact contact) {

    /** How to reach the filer with notices: e-mail and/or E.164 mobile number (either may be null), and language. */
    public record Contact(String email, String phone, String language) {

        /** Never the details: a record's default toString would put them in a log line. */
        @Override
        public String toString() {
            return "Contact[" + language + "]";
        }
    }

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
