package kr.outage.compensation.payout.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A batch, its totals by item state, and its items as a flat array, each with its settlement state
 * ({@code pending}, {@code paid} or {@code failed}): {@code itemsPage} (zero-based) of {@code itemsPageSize}
 * items, in filing order; {@code itemCount} is the number of items in all.
 */
@Schema(name = "PayoutBatchView")
public record PayoutBatchReport(UUID id, UUID programId, String state, int itemCount, long totalAmount,
                              Totals pending, Totals paid, Totals failed, Instant createdAt, String createdBy,
                              @Schema(nullable = true) Instant settledAt, List<Item> items, int itemsPage, int itemsPageSize) {

    /** A batch in a program's list: its totals without its items. */
    public record Summary(UUID id, UUID programId, String state, int itemCount, long totalAmount, Totals pending,
                          Totals paid, Totals failed, Instant createdAt, String createdBy,
                          @Schema(nullable = true) Instant settledAt) {

        public static Summary of(PayoutBatchReport v) {
            return new Summary(v.id(), v.programId(), v.state(), v.itemCount(), v.totalAmount(), v.pending(), v.paid(),
                    v.failed(), v.createdAt(), v.createdBy(), v.settledAt());
        }
    }

    public record Totals(long count, long amount) {
    }

    // named as first published: "Item" is the settlement request's item
    @Schema(name = "Item1")
    public record Item(UUID claimId, String businessRegistrationNumber, String businessName, long amount,
                       @Schema(enumeration = {"pending", "paid", "failed"}) String state,
                       @Schema(nullable = true) String bankReference, @Schema(nullable = true) String failureReason,
                       @Schema(nullable = true) Instant settledAt) {
    }
}
