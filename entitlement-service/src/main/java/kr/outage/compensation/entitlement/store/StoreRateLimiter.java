package kr.outage.compensation.entitlement.store;

/**
 * Spaces one replica's requests to a store evenly to at most {@code perSecond}: the stores count
 * requests per account over short windows and answer 429 above their limit, so bursts gain nothing.
 * Set the configured rate to the store's limit divided by the number of replicas.
 */
public final class StoreRateLimiter {

    private final long intervalNanos;
    private long next = System.nanoTime();

    public StoreRateLimiter(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("requests per second must be positive");
        }
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    /** Blocks until this request's turn. */
    public void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(next, now);
            next = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
