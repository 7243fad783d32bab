package kr.outage.compensation.entitlement.service;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.CappedClaim;
import kr.outage.compensation.platform.problem.GeneralProblem;
import kr.outage.compensation.platform.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The threads that make claims, a few, each with a queue of its own, and claims made in batches.
 *
 * <p>At launch, hundreds of people claim at once. One claim per transaction made each claim pay for a
 * commit (a WAL flush) and a round trip, and on these machines the system calls and thread switches
 * around them cost more than the SQL (docs/benchmarks.md). So a worker takes every claim waiting in
 * its queue, up to {@code entitlement.claims.batch}, and makes them in one statement and one commit
 * ({@link GrantClaims#claimAll}); under light load a batch is a single claim and nobody waits for
 * others to arrive. A person's claims always go to the same worker (by account), so the same account
 * is never in two batches at once here.
 *
 * <p>Few workers and large batches: each batch pays for its planning, round trip and commit once, and
 * workers beyond what the database's cores run at once only take turns. On our 2-core machines, 2
 * workers taking up to 256 claims made 1.5 to 1.9 times the claims/s of 4 taking up to 64, at a lower
 * p99, side by side (docs/benchmarks.md); 8 workers made less than half of 4 in runs minutes apart.
 * A database with more cores may want more workers.
 *
 * <p>When a worker's queue is full the claim is refused at once with 503 and Retry-After: better a
 * clear "try again in a second" than an answer after the client has given up. Each answer is handed
 * back on the request's own event loop, which writes it, so the workers only talk to the database.
 */
@ApplicationScoped
public class ClaimWorkers {

    private static final Logger LOG = Logger.getLogger(ClaimWorkers.class);

    @ConfigProperty(name = "entitlement.claims.workers", defaultValue = "2")
    int workers;
    @ConfigProperty(name = "entitlement.claims.queue", defaultValue = "20000")
    int queue;
    @ConfigProperty(name = "entitlement.claims.batch", defaultValue = "256")
    int batch;

    @Inject
    GrantClaims claims;

    private final List<BlockingQueue<Waiting>> lanes = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    /** A claim in a queue, and where its answer goes. */
    private record Waiting(UUID campaignId, GrantClaims.Claim claim, CompletableFuture<CappedClaim> answer, Context context) {

        void answer(GrantClaims.Answer result) {
            Runnable complete = result.refused() == null ? () -> answer.complete(result.granted())
                    : () -> answer.completeExceptionally(result.refused());
            if (context == null) {
                complete.run();
            } else {
                context.runOnContext(ignored -> complete.run());
            }
        }
    }

    @PostConstruct
    void start() {
        int perLane = Math.max(1, queue / workers);
        for (int i = 0; i < workers; i++) {
            BlockingQueue<Waiting> lane = new ArrayBlockingQueue<>(perLane);
            lanes.add(lane);
            Thread thread = new Thread(() -> work(lane), "claim-worker-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        threads.forEach(Thread::interrupt);
        // what is still queued was never started: tell those people to try again (another replica answers)
        for (BlockingQueue<Waiting> lane : lanes) {
            List<Waiting> left = new ArrayList<>();
            lane.drainTo(left);
            left.forEach(w -> w.answer(GrantClaims.Answer.refused(new Busy(queue))));
        }
    }

    public CompletionStage<CappedClaim> submit(UUID campaignId, String userId, String principal) {
        CompletableFuture<CappedClaim> answer = new CompletableFuture<>();
        BlockingQueue<Waiting> lane = lanes.get(Math.floorMod(userId.hashCode(), lanes.size()));
        if (stopping || !lane.offer(new Waiting(campaignId, new GrantClaims.Claim(userId, principal), answer, Vertx.currentContext()))) {
            answer.completeExceptionally(new Busy(queue));
        }
        return answer;
    }

    private void work(BlockingQueue<Waiting> lane) {
        List<Waiting> taken = new ArrayList<>(batch);
        while (!stopping) {
            try {
                taken.add(lane.take());
            } catch (InterruptedException e) {
                return;
            }
            lane.drainTo(taken, batch - 1);
            try {
                byCampaign(taken).forEach(this::claimTogether);
            } catch (RuntimeException e) {
                LOG.error("claim batch failed", e); // already answered each claimant; the worker goes on
            }
            taken.clear();
        }
    }

    private void claimTogether(UUID campaignId, List<Waiting> waiting) {
        List<GrantClaims.Answer> answers;
        try {
            answers = claims.claimAll(campaignId, waiting.stream().map(Waiting::claim).toList());
        } catch (RuntimeException e) {
            answers = waiting.stream().map(w -> GrantClaims.Answer.refused(e)).toList();
        }
        for (int i = 0; i < waiting.size(); i++) {
            waiting.get(i).answer(answers.get(i));
        }
    }

    /** Claims of different campaigns can wait in one queue; each campaign's are made together, in arrival order. */
    private static Map<UUID, List<Waiting>> byCampaign(List<Waiting> taken) {
        Map<UUID, List<Waiting>> groups = new LinkedHashMap<>();
        for (Waiting w : taken) {
            groups.computeIfAbsent(w.campaignId(), id -> new ArrayList<>()).add(w);
        }
        return groups;
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
