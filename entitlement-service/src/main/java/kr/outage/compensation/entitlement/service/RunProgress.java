package kr.outage.compensation.entitlement.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Progress of a run. {@code state}: preparing, running, completed or completed_with_failures.
 * {@code processed} counts eligible subjects in finished chunks; {@code applied} those this run granted
 * (the rest had been granted before, by an earlier run of the campaign, or were covered by another
 * campaign of the same incident and service: {@code excludedByOverlap} with overlap 'exclude',
 * {@code grantedDespiteOverlap} with overlap 'allow'). {@code stores}: the run's requests to the App
 * Store and Google Play (store_extension remedies), one entry per store asked; a run with store
 * requests completes only when each is settled, extended or given its fallback.
 * {@code appleMassExtensions}: the App Store mass extensions of the run (remedies with
 * {@code appleMassExtension}), one per product; their subscriptions are counted under {@code stores}.
 */
@Schema(name = "RunView")
public record RunProgress(UUID runId, UUID campaignId, String state, Long total, long processed, long applied,
                      long excludedByOverlap, long grantedDespiteOverlap,
                      double percent, List<GroupCount> groups, ChunkCounts chunks, List<ChunkFailure> failures,
                      String requestedBy, Instant createdAt, Instant startedAt, Instant finishedAt,
                      Double elapsedSeconds, Double subjectsPerSecond, List<StoreProgress> stores,
                      List<AppleMassProgress> appleMassExtensions) {

    /**
     * {@code pending}: not yet answered for good (waiting their turn under the store's rate limit, or
     * retried after a 429, an outage or a timeout; {@code lastError} says the latest reason);
     * {@code extended}: the store moved the renewal date; {@code fallback}: the store refused and the
     * fallback was credited.
     */
    public record StoreProgress(@Schema(enumeration = {"apple", "google"}) String store, long pending, long extended,
                                long fallback, @Schema(nullable = true) String lastError) {
    }

    /**
     * One App Store mass extension: {@code pending} (waiting for the run's chunks, another mass request of
     * the product, or a retry), {@code sent} (Apple works on it), {@code complete} (Apple is done; its
     * notification history is read after a grace period), {@code settled} (every subscription it covers
     * extended or given the fallback); Apple's own counts once complete.
     */
    public record AppleMassProgress(String productId, UUID requestId,
                                    @Schema(enumeration = {"pending", "sent", "complete", "settled"}) String state,
                                    @Schema(nullable = true) Instant sentAt, @Schema(nullable = true) Instant completeAt,
                                    @Schema(nullable = true) Long succeeded, @Schema(nullable = true) Long failed,
                                    @Schema(nullable = true) String lastError) {
    }

    public record GroupCount(int groupNo, String name, long applied) {
    }

    public record ChunkCounts(int total, int done, int pending, int failed) {
    }

    public record ChunkFailure(int chunkNo, long fromSubject, long toSubject, int attempts, String error) {
    }
}
