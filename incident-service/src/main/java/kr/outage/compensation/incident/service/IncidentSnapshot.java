package kr.outage.compensation.incident.service;

import kr.outage.compensation.incident.domain.IncidentImpact;
import kr.outage.compensation.incident.domain.IncidentStatus;
import kr.outage.compensation.incident.domain.Severity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An immutable picture of one incident at one revision: its facts and its computed impact. Shared
 * freely between request threads, which is what lets the impact check answer from memory.
 */
public record IncidentSnapshot(Incident incident, Map<String, DeclaredService> declaredServices, IncidentImpact impact) {

    public record Incident(UUID id, String title, String cause, Severity severity, IncidentStatus status,
                           Instant startedAt, Instant detectedAt, Instant resolvedAt, int reopenCount,
                           long revision, Instant createdAt) {
    }

    public record DeclaredService(String service, String displayName, List<String> functions) {
    }
}
