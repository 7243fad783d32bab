package kr.outage.compensation.entitlement.store;

import java.time.Instant;
import java.util.UUID;

/**
 * One App Store Server Notification, verified, in the terms the suite acts on.
 *
 * @param kind                  what it reports about the suite's requests
 * @param originalTransactionId the subscription (extended / not extended); null for a summary
 * @param productId             the subscription's product, or the mass request's
 * @param renewsAt              extended: the subscription's new renewal date
 * @param requestId             summary: the mass request it completes
 */
public record AppleNotice(UUID notificationId, String type, String subtype, Kind kind, String originalTransactionId,
                          String productId, Instant renewsAt, UUID requestId, long succeeded, long failed, Instant signedAt) {

    public enum Kind {
        /** RENEWAL_EXTENDED: Apple moved this subscription's renewal date. */
        EXTENDED,
        /** RENEWAL_EXTENSION / FAILURE: a mass extension could not extend this subscription. */
        NOT_EXTENDED,
        /** RENEWAL_EXTENSION / SUMMARY: a mass extension is complete. */
        MASS_COMPLETE,
        /** Any other notification: nothing the suite asked for. */
        OTHER
    }
}
