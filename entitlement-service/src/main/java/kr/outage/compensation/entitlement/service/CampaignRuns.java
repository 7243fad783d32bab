package kr.outage.compensation.entitlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.domain.OverlapPolicy;
import kr.outage.compensation.entitlement.domain.RemedyGroup;
import kr.outage.compensation.entitlement.persistence.CampaignStore;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.entitlement.persistence.RunStore;
import kr.outage.compensation.entitlement.persistence.StoreRequestStore;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.entitlement.problem.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Starting runs and reporting their progress. Starting is idempotent by {@code Idempotency-Key};
 * one run per campaign at a time (a unique index says so), and only a published campaign takes a run
 * (not a draft, nor one rolled back or withdrawn).
 */
@ApplicationScoped
public class CampaignRuns {

    @Inject
    Jdbc jdbc;
    @Inject
    RunStore runs;
    @Inject
    CampaignStore campaigns;
    @Inject
    RunWorker worker;
    @Inject
    StoreRequestStore storeRequests;
    @Inject
    kr.outage.compensation.entitlement.persistence.AppleMassStore appleMasses;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    @ConfigProperty(name = "entitlement.runs.chunk-size", defaultValue = "50000")
    int defaultChunkSize;

    public record Started(RunStore.Run run, boolean replayed) {
    }

    public Started start(UUID campaignId, String idempotencyKey, Integer chunkSize, String principal) {
        int size = chunkSize == null ? defaultChunkSize : chunkSize;
        try {
            Started started = jdbc.inTransaction(c -> {
                Campaign campaign = campaigns.lock(c, campaignId)
                        .orElseThrow(() -> ProblemException.notFound("No campaign " + campaignId));
                Optional<RunStore.Run> replay = runs.findByKey(c, campaignId, idempotencyKey);
                if (replay.isPresent()) {
                    return new Started(replay.get(), true);
                }
                CampaignLifecycle.requirePublished(campaign, "applying it");
                Optional<RunStore.Run> active = runs.findActive(c, campaignId);
                if (active.isPresent()) {
                    throw new ProblemException(ProblemType.RUN_IN_PROGRESS, "Run " + active.get().id() + " is still in progress",
                            null, Map.of("activeRun", location(campaignId, active.get().id())));
                }
                RunStore.Run run = new RunStore.Run(UUID.randomUUID(), campaignId, idempotencyKey, RunStore.PREPARING, size,
                        null, principal, clock.instant(), null, null);
                runs.insert(c, run);
                audit.record(c, principal, "RUN_STARTED", "campaign", campaignId.toString(), campaignId, run.id(), null,
                        Map.of("chunkSize", size));
                return new Started(run, false);
            });
            if (!started.replayed()) {
                worker.nudge();
            }
            return started;
        } catch (RuntimeException e) {
            if (Jdbc.isUniqueViolation(e)) {
                // Raced with an identical request (same key) or another start: answer as if we had come second.
                return new Started(jdbc.read(c -> runs.findByKey(c, campaignId, idempotencyKey)).orElseThrow(() ->
                        new ProblemException(ProblemType.RUN_IN_PROGRESS, "Another run of this campaign has just started")), true);
            }
            throw e;
        }
    }

    public static String location(UUID campaignId, UUID runId) {
        return "/api/v1/campaigns/" + campaignId + "/runs/" + runId;
    }

    public RunProgress view(UUID campaignId, UUID runId) {
        return jdbc.read(c -> {
            RunStore.Run run = runs.find(c, campaignId, runId)
                    .orElseThrow(() -> ProblemException.notFound("No run " + runId + " of campaign " + campaignId));
            Campaign campaign = campaigns.find(c, campaignId).orElseThrow();
            return view(run, campaign, runs.chunks(c, runId), stores(c, runId), masses(c, runId));
        });
    }

    public List<RunProgress> list(UUID campaignId) {
        return jdbc.read(c -> {
            Campaign campaign = campaigns.find(c, campaignId)
                    .orElseThrow(() -> ProblemException.notFound("No campaign " + campaignId));
            List<RunProgress> out = new ArrayList<>();
            for (RunStore.Run run : runs.list(c, campaignId)) {
                out.add(view(run, campaign, runs.chunks(c, run.id()), stores(c, run.id()), masses(c, run.id())));
            }
            return out;
        });
    }

    private List<RunProgress.StoreProgress> stores(java.sql.Connection c, UUID runId) throws java.sql.SQLException {
        return storeRequests.counts(c, runId).stream().map(n -> new RunProgress.StoreProgress(n.channel().wire(), n.pending(),
                n.extended(), n.fallback(), n.lastError())).toList();
    }

    private List<RunProgress.AppleMassProgress> masses(java.sql.Connection c, UUID runId) throws java.sql.SQLException {
        return appleMasses.ofRun(c, runId).stream().map(m -> new RunProgress.AppleMassProgress(m.productId(), m.requestId(),
                m.state(), m.sentAt(), m.completeAt(), m.succeeded(), m.failed(), m.lastError())).toList();
    }

    private RunProgress view(RunStore.Run run, Campaign campaign, List<RunStore.ChunkState> chunks,
                             List<RunProgress.StoreProgress> stores, List<RunProgress.AppleMassProgress> masses) {
        long processed = 0, applied = 0, overlapping = 0;
        int done = 0, pending = 0, failed = 0;
        Map<Integer, Long> perGroup = new TreeMap<>();
        List<RunProgress.ChunkFailure> failures = new ArrayList<>();
        for (RunStore.ChunkState chunk : chunks) {
            switch (chunk.state()) {
                case "DONE" -> {
                    done++;
                    processed += chunk.eligible();
                    applied += chunk.applied() == null ? 0 : chunk.applied();
                    overlapping += chunk.overlapping();
                    chunk.groupCounts().forEach((g, n) -> perGroup.merge(g, n, Long::sum));
                }
                case "FAILED" -> failed++;
                default -> pending++;
            }
            if (chunk.lastError() != null) {
                failures.add(new RunProgress.ChunkFailure(chunk.chunkNo(), chunk.fromSubject(), chunk.toSubject(),
                        chunk.attempts(), chunk.lastError()));
            }
        }
        List<RunProgress.GroupCount> groups = new ArrayList<>();
        List<RemedyGroup> defined = campaign.terms().groups();
        for (int i = 0; i < defined.size(); i++) {
            groups.add(new RunProgress.GroupCount(i + 1, defined.get(i).name(), perGroup.getOrDefault(i + 1, 0L)));
        }
        long total = run.total() == null ? 0 : run.total();
        double percent = run.total() == null ? 0 : total == 0 ? 100 : Math.floor(1000.0 * processed / total) / 10;
        Double elapsed = null, rate = null;
        if (run.startedAt() != null) {
            Instant end = run.finishedAt() == null ? clock.instant() : run.finishedAt();
            elapsed = Duration.between(run.createdAt(), end).toMillis() / 1000.0;
            rate = elapsed > 0 ? Math.round(processed / elapsed * 10) / 10.0 : null;
        }
        boolean excluding = campaign.overlap() == OverlapPolicy.EXCLUDE;
        return new RunProgress(run.id(), run.campaignId(), run.state().toLowerCase(Locale.ROOT), run.total(), processed, applied,
                excluding ? overlapping : 0, excluding ? 0 : overlapping, percent, groups,
                new RunProgress.ChunkCounts(chunks.size(), done, pending, failed), failures, run.requestedBy(), run.createdAt(),
                run.startedAt(), run.finishedAt(), elapsed, rate, stores, masses);
    }
}
