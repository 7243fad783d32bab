package kr.outage.compensation.incident.service;

import kr.outage.compensation.incident.domain.IncidentStatus;
import kr.outage.compensation.incident.persistence.IncidentUpdateEntity;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The incident's status as the effective updates tell it, read in time order: the latest status,
 * when it was resolved, and how often it was reopened (a status after "resolved").
 */
record DerivedStatus(IncidentStatus status, Instant resolvedAt, int reopenCount) {

    static final Comparator<IncidentUpdateEntity> TIME_ORDER = Comparator
            .comparing((IncidentUpdateEntity u) -> u.at)
            .thenComparing(u -> u.recordedAt)
            .thenComparing(u -> u.id);

    static DerivedStatus of(List<IncidentUpdateEntity> effectiveUpdates) {
        IncidentStatus status = IncidentStatus.INVESTIGATING;
        Instant resolvedAt = null;
        int reopens = 0;
        for (IncidentUpdateEntity update : effectiveUpdates.stream().sorted(TIME_ORDER).toList()) {
            IncidentStatus next = IncidentStatus.fromWire(update.status).orElseThrow();
            if (next == IncidentStatus.RESOLVED && status != IncidentStatus.RESOLVED) {
                resolvedAt = update.at;
            } else if (next != IncidentStatus.RESOLVED && status == IncidentStatus.RESOLVED) {
                reopens++;
                resolvedAt = null;
            }
            status = next;
        }
        return new DerivedStatus(status, resolvedAt, reopens);
    }
}
