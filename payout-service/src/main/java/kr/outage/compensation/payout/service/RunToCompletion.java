package kr.outage.compensation.payout.service;

import io.smallrye.mutiny.Uni;

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
}
