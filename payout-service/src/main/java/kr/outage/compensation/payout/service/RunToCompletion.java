package kr.outage.compensation.payout.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs a write to its end even when the HTTP client disconnects or times out.
 *
 * <p>Two reasons. A money-moving operation half done is worse than one done: the client learns the
 * outcome by replaying its Idempotency-Key. And cancelling a Hibernate Reactive transaction midway
 * can leak its pool connection (quarkusio/quarkus#51576, hibernate/hibernate-reactive#2926): under
 * load with impatient clients the pool runs dry and the service stops answering. Cancelling the
 * returned Uni therefore only stops waiting; the work itself is never cancelled.
 */
public final class RunToCompletion {

    private RunToCompletion() {
    }

    public static <T> Uni<T> of(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> work.get().subscribe().with(emitter::complete, emitter::fail));
    }

    /**
     * The same, for a transaction that PostgreSQL may pick as the victim of a deadlock (or fail to
     * serialize) when it runs beside others over the same claims, such as a payout batch beside bank
     * account corrections: the failed transaction was rolled back whole, so it is simply run again,
     * up to three times, with a short pause.
     */
    public static <T> Uni<T> retryingConflicts(Supplier<Uni<T>> work) {
        // The back-off resubscribes from a timer on a worker thread; Hibernate Reactive refuses to open a
        // session there (HR000068), which turned a deadlock's retry into a 500. Each attempt therefore
        // starts on the Vert.x context of the request, as the first one did.
        Context context = Vertx.currentContext();
        Executor onRequestContext = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        return of(() -> Uni.createFrom().<T>deferred(work::get).runSubscriptionOn(onRequestContext)
                .onFailure(RunToCompletion::isConflict)
                .retry().withBackOff(java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(200)).atMost(3));
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("40P01") || message.contains("40001") || message.contains("deadlock detected")) {
                return true;
            }
        }
        return false;
    }
}
