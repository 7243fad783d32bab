package kr.outage.compensation.entitlement.rest;

import java.time.Instant;
import java.time.LocalDate;

/** A subscription as stored. */
public record SubscriptionView(long id, String userId, String product, String kind, String channel, String status,
                               String country, Instant startedAt, Instant endedAt, LocalDate nextBillingDate,
                               LocalDate expiresOn) {
}
