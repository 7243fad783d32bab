package kr.outage.compensation.payout.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * When a claim's filer may object: after a decision (a rejection, or an amount approved by rule or by
 * the committee) and for the program's objection period from that decision. A claim still being
 * assessed, or waiting for budget, has no decision to object to yet.
 */
public record ObjectionPeriod(Instant decidedAt, int days) {

    /** The states in which a claim carries a decision on its amount (0 for a rejection). */
    public static final Set<ClaimState> DECIDED = Set.of(ClaimState.REJECTED, ClaimState.APPROVED, ClaimState.IN_PAYMENT,
            ClaimState.PAYMENT_FAILED, ClaimState.PAID);

    public Instant closesAt() {
        return decidedAt.plus(Duration.ofDays(days));
    }

    public boolean isOpenAt(Instant now) {
        return now.isBefore(closesAt());
    }
}
