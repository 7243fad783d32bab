package kr.outage.compensation.entitlement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * What a subscription must look like, for the JSON API and the bulk import alike: a recurring pass
 * has a next billing date while active and no expiry; a ticket has an expiry and no billing date; a
 * pass cannot end before it started; a store identity belongs to a recurring pass of its store.
 */
public final class SubscriptionRules {

    public static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}");

    private SubscriptionRules() {
    }

    public record Subscription(String userId, String product, SubscriptionKind kind, BillingChannel channel,
                               SubscriptionStatus status, String country, Instant startedAt, Instant endedAt,
                               LocalDate nextBillingDate, LocalDate expiresOn, StoreIdentity store) {
    }

    /** The first thing wrong with the subscription, in words a data owner can act on, or null. */
    public static String problem(Subscription s) {
        if (s.userId() == null || !USER_ID.matcher(s.userId()).matches()) {
            return "user_id must be 1 to 64 letters, digits or . _ : @ -";
        }
        if (s.product() == null || !CampaignRules.KEY.matcher(s.product()).matches()) {
            return "product must be a lower-case key like 'melon-streaming'";
        }
        if (s.kind() == null || s.channel() == null || s.status() == null) {
            return "kind, channel and status are required";
        }
        if (s.country() == null || !CampaignRules.COUNTRY.matcher(s.country()).matches()) {
            return "country must be an ISO 3166 alpha-2 code like KR";
        }
        if (s.startedAt() == null) {
            return "started_at is required";
        }
        if (s.endedAt() != null && s.endedAt().isBefore(s.startedAt())) {
            return "ended_at is before started_at";
        }
        if (s.kind() == SubscriptionKind.RECURRING) {
            if (s.expiresOn() != null) {
                return "a recurring pass has no expires_on (it renews on next_billing_date)";
            }
            if (s.nextBillingDate() == null && s.status() == SubscriptionStatus.ACTIVE) {
                return "an active recurring pass needs next_billing_date";
            }
        } else {
            if (s.nextBillingDate() != null) {
                return "a ticket has no next_billing_date (it ends on expires_on)";
            }
            if (s.expiresOn() == null) {
                return "a ticket needs expires_on";
            }
        }
        if (s.status() != SubscriptionStatus.ACTIVE && s.kind() == SubscriptionKind.RECURRING && s.endedAt() == null) {
            return "a recurring pass that is not active needs ended_at";
        }
        if (s.store() != null) {
            if (s.kind() != SubscriptionKind.RECURRING) {
                return "store_product_id is for recurring passes only (the stores renew subscriptions, not tickets)";
            }
            return s.store().problem(s.channel());
        }
        return null;
    }
}
