package kr.outage.compensation.incident.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computed incident snapshots kept in memory, because the impact check is called for every claim
 * and every compensation decision and must answer in milliseconds.
 *
 * <p>Correctness across replicas: every timeline change sends a PostgreSQL NOTIFY in its own
 * transaction ({@link ImpactChangeListener} evicts on receipt), the writing replica also evicts
 * right after commit, and a load that raced with an eviction is returned but not kept.
 */
@ApplicationScoped
public class ImpactCache {

    /** Incidents are few; the bound only stops a flood of lookups from growing memory. */
    static final int MAX_ENTRIES = 2_000;

    private final ConcurrentHashMap<UUID, IncidentSnapshot> entries = new ConcurrentHashMap<>();
    private long evictions;

    @Inject
    SnapshotLoader loader;

    public Uni<Optional<IncidentSnapshot>> get(UUID incidentId) {
        IncidentSnapshot hit = entries.get(incidentId);
        if (hit != null) {
            return Uni.createFrom().item(Optional.of(hit));
        }
        long evictionsBeforeLoad = evictionCount();
        return loader.load(incidentId).invoke(loaded -> loaded.ifPresent(s -> keep(incidentId, s, evictionsBeforeLoad)));
    }

    public synchronized void evict(UUID incidentId) {
        evictions++;
        entries.remove(incidentId);
    }

    public synchronized void evictAll() {
        evictions++;
        entries.clear();
    }

    private synchronized long evictionCount() {
        return evictions;
    }

    private synchronized void keep(UUID incidentId, IncidentSnapshot snapshot, long evictionsBeforeLoad) {
        if (evictions != evictionsBeforeLoad) {
            return; // the timeline changed while we were reading it: this snapshot may be stale
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(incidentId, snapshot);
    }
}
