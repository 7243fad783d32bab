package kr.outage.compensation.incident.rest;

import kr.outage.compensation.incident.domain.IncidentStatus;
import kr.outage.compensation.incident.domain.Severity;
import kr.outage.compensation.incident.persistence.IncidentEntity;

import java.time.Instant;
import java.util.UUID;

public record IncidentListItem(UUID id, String title, Severity severity, IncidentStatus status,
                               Instant startedAt, Instant resolvedAt, int reopenCount) {

    static IncidentListItem of(IncidentEntity e) {
        return new IncidentListItem(e.id, e.title, Severity.fromWire(e.severity).orElseThrow(),
                IncidentStatus.fromWire(e.status).orElseThrow(), e.startedAt, e.resolvedAt, e.reopenCount);
    }
}
