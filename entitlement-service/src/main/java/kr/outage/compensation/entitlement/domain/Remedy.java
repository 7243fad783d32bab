package kr.outage.compensation.entitlement.domain;

import java.time.Instant;

/**
 * One thing a remedy group gives. Which fields matter depends on the type: {@code days} for the
 * extensions and for an item valid N days (absent: permanent), {@code amountKrw} for cash and
 * coupons, {@code validUntil} for coupons, {@code cap} and {@code claimDeadline} for claimable items.
 */
public record Remedy(RemedyType type, Integer days, Long amountKrw, String itemCode, String label,
                     Instant validUntil, Long cap, Instant claimDeadline) {

    public static Remedy extendBillingDate(int days) {
        return new Remedy(RemedyType.EXTEND_BILLING_DATE, days, null, null, null, null, null, null);
    }

    public static Remedy extendExpiry(int days) {
        return new Remedy(RemedyType.EXTEND_EXPIRY, days, null, null, null, null, null, null);
    }

    public static Remedy creditCash(long krw) {
        return new Remedy(RemedyType.CREDIT_CASH, null, krw, null, null, null, null, null);
    }

    /** Days the pass moves, for the two extension types; 0 otherwise. */
    public int passDays() {
        return type.changesPass() && days != null ? days : 0;
    }

    /** Won given outright by this remedy (cash or a coupon's face value); items and passes count 0. */
    public long krw() {
        return (type == RemedyType.CREDIT_CASH || type == RemedyType.GRANT_COUPON) && amountKrw != null ? amountKrw : 0;
    }
}
