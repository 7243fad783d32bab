package kr.outage.compensation.entitlement.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The shape of {@code GET /api/v1/users/{userId}/entitlements}, for the published contract only:
 * the document itself is built by PostgreSQL in one query (persistence/EntitlementViewQuery), so
 * these records are never instantiated. Keep them in step with that query; the OpenAPI check in
 * the tests compares every answer with this schema.
 */
@Schema(name = "UserEntitlements")
public record UserEntitlementsDocument(
        @Schema(required = true) String userId,
        @Schema(required = true) Instant asOf,
        @Schema(required = true) List<Pass> passes,
        @Schema(required = true) Cash cash,
        @Schema(required = true) List<Coupon> coupons,
        @Schema(required = true) List<Item> items,
        @Schema(required = true, description = "The notices of the campaigns that gave this person something, newest first, "
                + "from the moment a worker takes them to send (a notice gets its code then); each is the campaign's "
                + "announcement with the notice's own code, checkable on the verify page")
        List<Notice> notices) {

    @Schema(name = "UserPass")
    public record Pass(@Schema(required = true) long subscriptionId, @Schema(required = true) String product,
                       @Schema(required = true) String kind, @Schema(required = true) String channel,
                       @Schema(required = true) String status, String country, Instant startedAt, Instant endedAt,
                       LocalDate nextBillingDate, LocalDate expiresOn,
                       @Schema(required = true, description = "What campaigns changed on this pass, oldest first") List<Change> changes,
                       @Schema(required = true, description = "Renewal-date extensions campaigns asked of the App Store or "
                               + "Google Play for this in-app pass, oldest first") List<StoreExtension> storeExtensions) {
    }

    /**
     * One campaign's request to a store: {@code pending} until the store answers for good; then
     * {@code extended} (the store's new renewal date) or {@code refused}, in which case
     * {@code fallbackKrw} was credited to the wallet instead.
     */
    @Schema(name = "UserStoreExtension")
    public record StoreExtension(@Schema(required = true) String campaignCode, @Schema(required = true) String campaignTitle,
                                 @Schema(required = true) UUID campaignId,
                                 @Schema(required = true, enumeration = {"app_store", "google_play"}) String store,
                                 @Schema(required = true) int days,
                                 @Schema(required = true, enumeration = {"pending", "extended", "refused"}) String state,
                                 @Schema(nullable = true, description = "The store's new renewal date (Korean calendar), once extended")
                                 LocalDate renewsOn,
                                 @Schema(required = true, description = "Cash given instead if the store refuses") long fallbackKrw,
                                 @Schema(nullable = true, description = "The store's reason, once refused") String refusal,
                                 @Schema(required = true) Instant requestedAt,
                                 @Schema(nullable = true) Instant settledAt) {
    }

    @Schema(name = "UserPassChange")
    public record Change(String campaignCode, String campaignTitle, UUID campaignId, UUID runId, Instant at,
                         LocalDate nextBillingDateBefore, LocalDate nextBillingDateAfter,
                         LocalDate expiresOnBefore, LocalDate expiresOnAfter, Instant rolledBackAt) {
    }

    @Schema(name = "UserCash")
    public record Cash(@Schema(required = true) long balanceKrw,
                       @Schema(required = true, description = "Newest first") List<LedgerEntry> ledger) {
    }

    @Schema(name = "UserLedgerEntry")
    public record LedgerEntry(@Schema(required = true) long entryId, @Schema(required = true) long amountKrw,
                              String reason, String source, UUID campaignId, UUID runId, Instant at) {
    }

    @Schema(name = "UserCoupon")
    public record Coupon(@Schema(required = true) long couponId, String label, long valueKrw, Instant validUntil,
                         Instant grantedAt, @Schema(required = true, enumeration = {"available", "used", "expired", "withdrawn"}) String state,
                         Instant usedAt, UUID campaignId) {
    }

    @Schema(name = "UserItem")
    public record Item(@Schema(required = true) long itemId, String itemCode, String label,
                       @Schema(required = true) boolean permanent, Instant validUntil, Instant grantedAt,
                       @Schema(required = true) boolean active, Instant withdrawnAt, UUID campaignId) {
    }

    @Schema(name = "UserNotice")
    public record Notice(@Schema(required = true, description = "XXXX-XXXX-XXXX, printed in the text") String code,
                         @Schema(required = true) String campaignCode, @Schema(required = true) String campaignTitle,
                         @Schema(required = true) UUID campaignId,
                         @Schema(required = true, enumeration = {"sending", "sent", "kept", "uncertain", "failed"},
                                 description = "kept: no reachable channel, so it is shown here instead; uncertain: an e-mail "
                                         + "whose sender stopped while the mail server had it, never sent twice") String state,
                         @Schema(nullable = true, enumeration = {"email", "message"}) String channel,
                         @Schema(nullable = true, description = "Masked") String recipient,
                         @Schema(required = true, enumeration = {"ko", "en"}) String language,
                         @Schema(required = true) String text,
                         @Schema(required = true) Instant createdAt,
                         @Schema(nullable = true) Instant sentAt) {
    }
}
