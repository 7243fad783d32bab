package kr.outage.compensation.entitlement.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

/** A subscription as stored; the store fields only for in-app subscriptions imported with them. */
@Schema(name = "SubscriptionView")
public record StoredSubscription(long id, String userId, String product, String kind, String channel, String status,
                               String country, Instant startedAt, Instant endedAt, LocalDate nextBillingDate,
                               LocalDate expiresOn, @Schema(nullable = true) String storeProductId,
                               @Schema(nullable = true) String storeOriginalTransactionId,
                               @Schema(nullable = true) String storePurchaseToken) {
}
