package kr.outage.compensation.entitlement.service;

import kr.outage.compensation.platform.worker.WorkerThreads;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.persistence.CampaignStore;
import kr.outage.compensation.entitlement.persistence.ChunkApplier;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.entitlement.persistence.RunSplitter;
import kr.outage.compensation.entitlement.persistence.RunStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Works campaign runs in the background, in every replica. Each worker thread repeatedly takes one
 * unit of work from the database (split a new run into chunks, or apply one pending chunk), each in
 * its own transaction, and sleeps when there is none. The database is the only coordinator: a unit
 * is claimed with SKIP LOCKED, and a worker that dies mid-unit (crash, SIGKILL, lost connection)
 * leaves its transaction to be rolled back, so the unit is simply picked up again. A run whose
 * campaign overlaps another one being applied or rolled back (same incident and service) waits in
 * preparing until that work is over, so the overlap it reads cannot change under it.
 *
 * <p>Each unit of work is a span of its own ({@code campaign-run prepare}, {@code campaign-run chunk})
 * carrying the run and campaign, the chunk's subject range and what it granted, so a run can be
 * followed in the tracing backend by its {@code campaign.run.id}; the unit's SQL statements are its
 * children.
 */
@ApplicationScoped
public class RunWorker {

    private static final Logger LOG = Logger.getLogger(RunWorker.class);
    private static final int MAX_ATTEMPTS = 5;
    /**
     * Serialization failures and deadlocks mean another transaction committed first (two campaigns
     * covering the same subjects, a subscriber's own change): the retry sees it and goes through, so
     * they are given far more attempts than real errors before a chunk is given up.
     */
    private static final int MAX_CONCURRENCY_ATTEMPTS = 50;

    @Inject
    Jdbc jdbc;
    @Inject
    RunStore runs;
    @Inject
    RunSplitter splitter;
    @Inject
    CampaignStore campaigns;
    @Inject
    ChunkApplier applier;
    @Inject
    Clock clock;
    @Inject
    Tracer tracer;
    @Inject
    RunMetrics metrics;

    @ConfigProperty(name = "entitlement.runs.workers", defaultValue = "2")
    int workers;
    @ConfigProperty(name = "entitlement.runs.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;
    /**
     * A breather after each unit of work. A run shares PostgreSQL with subscribers reading their
     * entitlements; operators can trade run speed for their latency without stopping the run.
     */
    @ConfigProperty(name = "entitlement.runs.chunk-pause", defaultValue = "PT0S")
    Duration chunkPause;

    private final Semaphore wakeUp = new Semaphore(0);
    private final WorkerThreads threads = new WorkerThreads();
    private String workerName;

    void start(@Observes StartupEvent event) {
        workerName = hostName();
        for (int i = 0; i < workers; i++) {
            threads.start("campaign-run-worker-" + i, this::loop);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        threads.stop(() -> wakeUp.release(workers));
    }

    /** A run was created here: start at once instead of waiting for the next poll. */
    public void nudge() {
        wakeUp.release(workers);
    }

    private void loop() {
        String me = workerName + "/" + Thread.currentThread().getName();
        while (threads.running()) {
            boolean worked = false;
            try {
                worked = prepareOne() || applyOne(me);
                if (!worked) {
                    jdbc.inTransaction(c -> runs.finishCompletedRuns(c, clock.instant()));
                }
                metrics.refreshIfDue();
            } catch (RuntimeException e) {
                // The database may be briefly unreachable; the work stays claimable, so just try later.
                LOG.warnf("Campaign run worker %s: %s", me, e.getMessage());
            }
            try {
                if (!worked) {
                    wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                } else if (!chunkPause.isZero()) {
                    Thread.sleep(chunkPause.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean prepareOne() {
        return jdbc.inTransaction(c -> {
            var run = runs.claimPreparing(c);
            if (run.isEmpty()) {
                return false;
            }
            Campaign campaign = campaigns.find(c, run.get().campaignId()).orElseThrow();
            // two workers may have claimed runs of overlapping campaigns at once: decide one at a time
            runs.lockIncident(c, campaign.incidentId());
            if (runs.overlappingWorkInProgress(c, campaign.id())) {
                return false;
            }
            Span span = tracer.spanBuilder("campaign-run prepare").startSpan();
            try (Scope ignored = span.makeCurrent()) {
                span.setAttribute("campaign.code", campaign.code());
                span.setAttribute("campaign.run.id", run.get().id().toString());
                long total = splitter.split(c, run.get(), campaign, clock.instant());
                span.setAttribute("campaign.run.eligible_subjects", total);
                LOG.infof("Run %s of campaign %s: %d eligible subjects", run.get().id(), campaign.code(), total);
                return true;
            } finally {
                span.end();
            }
        });
    }

    private boolean applyOne(String me) {
        TakenChunk taken = new TakenChunk();
        try {
            boolean applied = jdbc.inTransaction(Connection.TRANSACTION_REPEATABLE_READ, c -> {
                var chunk = runs.claimChunk(c);
                if (chunk.isEmpty()) {
                    return false;
                }
                Span span = taken.start(chunk.get());
                Instant started = clock.instant();
                RunStore.Run r = runs.findById(c, chunk.get().runId()).orElseThrow();
                Campaign campaign = campaigns.find(c, r.campaignId()).orElseThrow();
                List<UUID> others = campaigns.overlapping(c, campaign).stream().map(Campaign::id).toList();
                var counts = applier.apply(c, campaign, others, chunk.get(), r.requestedBy(), started);
                span.setAttribute("campaign.code", campaign.code());
                span.setAttribute("campaign.run.chunk.granted", counts.perGroup().values().stream().mapToLong(Long::longValue).sum());
                span.setAttribute("campaign.run.chunk.overlapping", counts.overlapping());
                runs.chunkDone(c, chunk.get(), counts, me, started, clock.instant());
                return true;
            });
            if (applied) {
                metrics.chunkDone();
            }
            return applied;
        } catch (RuntimeException e) {
            if (taken.chunk == null) {
                throw e;
            }
            String error = Jdbc.isRetryable(e) ? "concurrent change, retried: " + e.getMessage() : e.getMessage();
            LOG.warnf("Chunk %d of run %s failed: %s", taken.chunk.chunkNo(), taken.chunk.runId(), error);
            taken.span.setStatus(StatusCode.ERROR, error);
            jdbc.inTransaction(c -> {
                runs.chunkFailed(c, taken.chunk, error, Jdbc.isRetryable(e) ? MAX_CONCURRENCY_ATTEMPTS : MAX_ATTEMPTS);
                return null;
            });
            return true;
        } finally {
            taken.end();
        }
    }

    /** The chunk a worker took, and its span: started once a chunk is taken, since an idle poll is no work. */
    private final class TakenChunk {
        ChunkApplier.Chunk chunk;
        Span span = Span.getInvalid();
        Scope scope;

        Span start(ChunkApplier.Chunk taken) {
            chunk = taken;
            span = tracer.spanBuilder("campaign-run chunk").startSpan();
            scope = span.makeCurrent();
            span.setAttribute("campaign.run.id", taken.runId().toString());
            span.setAttribute("campaign.run.chunk", taken.chunkNo());
            span.setAttribute("campaign.run.chunk.from_subject", taken.fromSubject());
            span.setAttribute("campaign.run.chunk.to_subject", taken.toSubject());
            return span;
        }

        void end() {
            if (scope != null) {
                scope.close();
            }
            span.end();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown-host";
        }
    }
}
