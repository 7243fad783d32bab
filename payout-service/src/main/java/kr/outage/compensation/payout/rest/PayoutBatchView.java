package kr.outage.compensation.payout.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A batch, its totals by item state, and a page of its items. */
public record PayoutBatchView(UUID id, UUID programId, String state, int itemCount, long totalAmount,
                              Totals pending, Totals paid, Totals failed, Instant createdAt, String createdBy,
                              Instant settledAt, PageView<Item> items) {

    public record Totals(long count, long amount) {
    }

    public record Item(UUID claimId, String businessRegistrationNumber, String businessName, long amount, String state,
                       String bankReference, String failureReason, Instant settledAt) {
    }
}
