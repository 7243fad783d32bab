package kr.outage.compensation.entitlement.store;

import java.time.Instant;
import java.util.UUID;

/**
 * One subscription to extend at its store. {@code requestId} is the same on every attempt (Apple's
 * requestIdentifier). {@code expectedExpiry} is the expiry (Google) or renewal date (Apple) read from
 * the store and recorded before the extension was sent (null until then), {@code expectedEtag}
 * Google's etag with it (always null for Apple); {@code maybeSentBefore} says they were recorded by an
 * earlier attempt, whose extension may have reached the store even though its answer never reached us.
 */
public record StoreRequest(UUID requestId, String productId, String storeReference, int days, Instant expectedExpiry,
                           String expectedEtag, boolean maybeSentBefore) {

    /** The same request, to be sent expecting what the store showed just now (nothing of ours sent on it yet). */
    public StoreRequest expecting(Instant expiry, String etag) {
        return new StoreRequest(requestId, productId, storeReference, days, expiry, etag, false);
    }
}
