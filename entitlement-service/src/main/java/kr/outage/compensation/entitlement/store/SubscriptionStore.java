package kr.outage.compensation.entitlement.store;

import kr.outage.compensation.entitlement.domain.BillingChannel;

/**
 * A store that can move an in-app subscription's renewal date. Implementations must make a resent
 * request harmless: a second {@link #extend} with the same {@link StoreRequest} never extends twice.
 */
public interface SubscriptionStore {

    BillingChannel channel();

    /** False when the deployment gave no credentials for this store: its requests wait. */
    boolean configured();

    /**
     * Whether {@link #extend} needs {@link StoreRequest#expectedExpiry()}, read with
     * {@link #currentExpiry} and recorded before the first extension is sent (Google's deferral).
     */
    default boolean needsExpectedExpiry() {
        return false;
    }

    /** {@link StoreAnswer.CurrentExpiry}, or why not ({@link StoreAnswer.Refused}, {@link StoreAnswer.TryAgain}). */
    default StoreAnswer currentExpiry(StoreRequest request) {
        throw new UnsupportedOperationException(channel() + " extends without reading the expiry first");
    }

    /** {@link StoreAnswer.Extended}, {@link StoreAnswer.Refused} or {@link StoreAnswer.TryAgain}; never throws for a store's answer. */
    StoreAnswer extend(StoreRequest request);
}
