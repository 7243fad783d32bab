package kr.outage.compensation.entitlement.rest;

import kr.outage.compensation.entitlement.domain.SubscriptionRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import kr.outage.compensation.entitlement.domain.BillingChannel;
import kr.outage.compensation.entitlement.domain.SubscriptionKind;
import kr.outage.compensation.entitlement.domain.StoreIdentity;
import kr.outage.compensation.entitlement.domain.SubscriptionStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** {@code POST /api/v1/subscriptions}: one subscription; the same rules as a row of the bulk import. */
public record SubscriptionRequest(@NotBlank String userId, @NotBlank String product, @NotNull SubscriptionKind kind,
                                  @NotNull BillingChannel channel, @NotNull SubscriptionStatus status,
                                  @NotBlank String country, @NotNull OffsetDateTime startedAt, OffsetDateTime endedAt,
                                  LocalDate nextBillingDate, LocalDate expiresOn,
                                  @Schema(description = "App Store or Google Play product id of an in-app subscription", nullable = true)
                                  String storeProductId,
                                  @Schema(description = "Apple's original transaction id (apple-billed only)", nullable = true)
                                  String storeOriginalTransactionId,
                                  @Schema(description = "Google Play's purchase token (google-billed only)", nullable = true)
                                  String storePurchaseToken) {

    public SubscriptionRules.Subscription toSubscription() {
        return new SubscriptionRules.Subscription(userId, product, kind, channel, status, country, startedAt.toInstant(),
                endedAt == null ? null : endedAt.toInstant(), nextBillingDate, expiresOn,
                StoreIdentity.of(storeProductId, storeOriginalTransactionId, storePurchaseToken));
    }
}
