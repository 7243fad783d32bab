package kr.outage.compensation.payout.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A batch, its totals by item state, and its items as a flat array, each with its settlement state
 * ({@code pending}, {@code paid}, {@code failed}, or {@code returned} by the bank after it was paid): {@code itemsPage} (zero-based) of {@code itemsPageSize}
 * items, in filing order; {@code itemCount} is the number of items in all.
 */
@Schema(name = "PayoutBatchView")
public record PayoutBatchReport(UUID id, UUID programId, String state, int itemCount, long totalAmount,
                              Totals pending, Totals paid, Totals failed, Totals returned, Instant createdAt, String createdBy,
                              @Schema(nullable = true) Instant settledAt, List<Item> items, int itemsPage, int itemsPageSize) {

    /** A batch in a program's list: its totals without its items. */
    public record Summary(UUID id, UUID programId, String state, int itemCount, long totalAmount, Totals pending,
                          Totals paid, Totals failed, Totals returned, Instant createdAt, String createdBy,
                          @Schema(nullable = true) Instant settledAt) {

        public static Summary of(PayoutBatchReport v) {
            return new Summary(v.id(), v.programId(), v.state(), v.itemCount(), v.totalAmount(), v.pending(), v.paid(),
                    v.failed(), v.returned(), v.createdAt(), v.createdBy(), v.settledAt());
        }
    }

    public record Totals(long count, long amount) {
    }

    // named as first published: "Item" is the settlement request's item
    /**
     * One transfer. {@code resultCode} and {@code failureClass} say why a failed item failed (and
     * {@code resultCode} why a returned one came back); {@code failureReason} is the bank's own words.
     */
    @Schema(name = "Item1")
    public record Item(UUID claimId, String businessRegistrationNumber, String businessName, long amount,
                       @Schema(enumeration = {"pending", "paid", "failed", "returned"}) String state,
                       @Schema(nullable = true) String bankReference, @Schema(nullable = true) String failureReason,
                       @Schema(nullable = true) Instant settledAt,
                       @Schema(nullable = true, enumeration = {"account_closed", "account_not_found", "holder_mismatch",
                               "account_suspended", "transfer_refused", "bank_unavailable", "timeout",
                               "daily_limit_exceeded", "other"}) String resultCode,
                       @Schema(nullable = true, enumeration = {"permanent", "transient"}) String failureClass,
                       @Schema(nullable = true) Instant returnedAt) {
    }
}
