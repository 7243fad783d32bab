package kr.outage.compensation.entitlement.service;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kr.outage.compensation.platform.problem.GeneralProblem;
import kr.outage.compensation.platform.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The threads that make claims, fewer than the database pool's connections, and a queue in front of
 * them. At launch, hundreds of people claim at once: given one worker thread each, as ordinary
 * blocking endpoints get, they all queued for the pool's twenty connections, and the hand-over of
 * connections between two hundred threads on two cores cost more than the claims (measured in
 * docs/benchmarks.md: 467 claims/s with 64 clients against 1,366 with a connection for each). Here
 * a few threads each hold a connection in turn and never wait for one, and people wait in the
 * queue, in order. When the queue is full the claim is refused at once with 503 and Retry-After:
 * better a clear "try again in a second" than an answer after the client has given up.
 */
@ApplicationScoped
public class ClaimWorkers {

    @ConfigProperty(name = "entitlement.claims.workers", defaultValue = "16")
    int workers;
    @ConfigProperty(name = "entitlement.claims.queue", defaultValue = "20000")
    int queue;

    private ThreadPoolExecutor executor;

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), task -> {
            Thread thread = new Thread(task, "claim-worker-" + n.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdown();
    }

    public <T> CompletionStage<T> submit(Supplier<T> claim) {
        try {
            return CompletableFuture.supplyAsync(claim, executor);
        } catch (RejectedExecutionException full) {
            return CompletableFuture.failedFuture(new Busy(queue));
        }
    }

    /** Every place in the queue is taken. */
    static final class Busy extends ProblemException {
        Busy(int queue) {
            super(GeneralProblem.SERVICE_UNAVAILABLE, "More than " + queue + " claims are waiting; try again in a moment");
        }

        @Override
        public int retryAfterSeconds() {
            return 1;
        }
    }
}
