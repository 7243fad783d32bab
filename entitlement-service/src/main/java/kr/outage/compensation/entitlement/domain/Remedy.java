package kr.outage.compensation.entitlement.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * One thing a remedy group gives. Which fields matter depends on the type: {@code days} for the
 * extensions and for an item valid N days (absent: permanent), {@code amountKrw} for cash and
 * coupons, {@code validUntil} for coupons, {@code cap} and {@code claimDeadline} for claimable items;
 * {@code days} and {@code fallback} (what a subscription gets when its store cannot extend it) for a
 * store extension, and optionally {@code appleMassExtension}: the App Store's mass extension of every
 * active subscriber of a product instead of one request per subscription.
 */
public record Remedy(RemedyType type, Integer days, Long amountKrw, String itemCode, String label,
                     Instant validUntil, Long cap, Instant claimDeadline,
                     @Schema(nullable = true, description = "store_extension only: what a subscription gets when its store "
                             + "cannot extend it (no store identity, refused, already extended twice in 365 days); "
                             + "credit_cash with its amountKrw") Remedy fallback,
                     @Schema(nullable = true, description = "store_extension only: extend App Store subscriptions with one "
                             + "mass extension per product (every active subscriber of the product in the storefronts named, "
                             + "not only the campaign's eligible ones) instead of one request per subscription; absent: "
                             + "one request per subscription") AppleMassExtension appleMassExtension) {

    public static Remedy extendBillingDate(int days) {
        return new Remedy(RemedyType.EXTEND_BILLING_DATE, days, null, null, null, null, null, null, null, null);
    }

    public static Remedy extendExpiry(int days) {
        return new Remedy(RemedyType.EXTEND_EXPIRY, days, null, null, null, null, null, null, null, null);
    }

    public static Remedy creditCash(long krw) {
        return new Remedy(RemedyType.CREDIT_CASH, null, krw, null, null, null, null, null, null, null);
    }

    public static Remedy storeExtension(int days, long fallbackKrw) {
        return new Remedy(RemedyType.STORE_EXTENSION, days, null, null, null, null, null, null, creditCash(fallbackKrw), null);
    }

    /** Whether App Store subscriptions of this store extension go in one mass extension per product. */
    public boolean appleMass() {
        return type == RemedyType.STORE_EXTENSION && appleMassExtension != null;
    }

    /** Won a store extension's fallback gives; 0 for other remedies. */
    public long fallbackKrw() {
        return type == RemedyType.STORE_EXTENSION && fallback != null ? fallback.krw() : 0;
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
