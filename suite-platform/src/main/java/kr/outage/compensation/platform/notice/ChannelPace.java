package kr.outage.compensation.platform.notice;

import java.time.Duration;

/**
 * A channel's rate limit in this replica: sends are spaced {@code 1 / perSecond} apart, and a
 * provider's "slow down" (429 with Retry-After) holds every send back until it has passed. The limit
 * is per replica: configure the provider's limit divided by the replicas (docs/operations.md).
 */
final class ChannelPace {

    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    ChannelPace(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("a channel's rate must be positive");
        }
        this.intervalNanos = Math.max(1, Math.round(1e9 / perSecond));
    }

    /** Blocks until this send's turn. */
    void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(nextSlot, now);
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /** No send before {@code after} from now. */
    synchronized void pause(Duration after) {
        nextSlot = Math.max(nextSlot, System.nanoTime() + after.toNanos());
    }
}
