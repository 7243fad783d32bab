package kr.outage.compensation.entitlement.store;

import java.time.Instant;
import java.util.UUID;

/**
 * One subscription to extend at its store. {@code requestId} is the same on every attempt (Apple's
 * requestIdentifier); {@code expectedExpiry} is the expiry Google's deferral must find, recorded
 * before the first deferral was sent (null until then, and always for Apple).
 */
public record StoreRequest(UUID requestId, String productId, String storeReference, int days, Instant expectedExpiry) {
}
