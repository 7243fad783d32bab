package kr.outage.compensation.entitlement.store;

import java.time.Instant;
import java.util.UUID;

/**
 * One subscription to extend at its store. {@code requestId} is the same on every attempt (Apple's
 * requestIdentifier). Google only: {@code expectedExpiry} and {@code expectedEtag} are the expiry and
 * etag read from the store and recorded before a deferral was sent (null until then, and always for
 * Apple); {@code maybeSentBefore} says they were recorded by an earlier attempt, whose deferral may
 * have reached Google even though its answer never reached us.
 */
public record StoreRequest(UUID requestId, String productId, String storeReference, int days, Instant expectedExpiry,
                           String expectedEtag, boolean maybeSentBefore) {

    /** The same request, to be sent expecting what the store showed just now (nothing of ours sent on it yet). */
    public StoreRequest expecting(Instant expiry, String etag) {
        return new StoreRequest(requestId, productId, storeReference, days, expiry, etag, false);
    }
}
