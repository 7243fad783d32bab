package kr.outage.compensation.entitlement.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.persistence.Jdbc;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the alert "campaign run without progress" watches: runs in progress and store requests not
 * yet settled (read from the database, so every replica reports the suite's state, refreshed by the
 * run workers' idle polls at most every {@link #REFRESH_MILLIS}), and chunks finished by this
 * replica. A run in progress whose chunks and store settlements stop moving is stuck.
 */
@ApplicationScoped
public class RunMetrics {

    static final long REFRESH_MILLIS = 10_000;

    @Inject
    MeterRegistry registry;
    @Inject
    Jdbc jdbc;

    private final AtomicLong activeRuns = new AtomicLong();
    private final AtomicLong pendingStoreRequests = new AtomicLong();
    private volatile long refreshedAt;
    private Counter chunksDone;

    @PostConstruct
    void register() {
        Gauge.builder("campaign.runs.active", activeRuns, AtomicLong::get)
                .description("Campaign runs preparing or running (the whole suite's, read from the database)").register(registry);
        Gauge.builder("store.extension.requests.pending", pendingStoreRequests, AtomicLong::get)
                .description("Store extension requests not yet answered for good by the App Store or Google Play").register(registry);
        chunksDone = Counter.builder("campaign.run.chunks.done")
                .description("Chunks of campaign runs finished (applied or given up) by this replica").register(registry);
    }

    void chunkDone() {
        chunksDone.increment();
    }

    /** Re-reads the gauges if the last read is older than {@link #REFRESH_MILLIS}; a failed read keeps the old values. */
    void refreshIfDue() {
        long now = System.currentTimeMillis();
        if (now - refreshedAt < REFRESH_MILLIS) {
            return;
        }
        refreshedAt = now;
        jdbc.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select "
                    + "(select count(*) from campaign_run where state in ('PREPARING', 'RUNNING')), "
                    + "(select count(*) from store_request where state in ('PENDING', 'SENDING', 'MASS'))")) {
                rs.next();
                activeRuns.set(rs.getLong(1));
                pendingStoreRequests.set(rs.getLong(2));
            }
            return null;
        });
    }
}
