package kr.outage.compensation.payout.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a claim stands. At or under the review threshold a claim with its evidence is approved by
 * rule; above it, a reviewer recommends and a different person approves. An approved claim is paid
 * in a batch; a failed transfer puts it in payment_failed, where it stays until its bank account is
 * corrected (then approved again, for the next batch): the same money is never sent twice to an
 * account that refused it.
 */
public enum ClaimState {
    EVIDENCE_REQUESTED,
    AWAITING_REVIEW,
    RECOMMENDED,
    /** Approved by rule, but the program's budget is committed: waits until the budget is raised. */
    AWAITING_BUDGET,
    APPROVED,
    REJECTED,
    IN_PAYMENT,
    PAYMENT_FAILED,
    PAID;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ClaimState fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public static Optional<ClaimState> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }
}
