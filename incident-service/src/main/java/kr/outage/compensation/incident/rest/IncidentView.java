package kr.outage.compensation.incident.rest;

import kr.outage.compensation.incident.domain.ComponentState;
import kr.outage.compensation.incident.domain.IncidentStatus;
import kr.outage.compensation.incident.domain.Platform;
import kr.outage.compensation.incident.domain.Severity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code GET /api/v1/incidents/{id}}: the incident, each affected service's current state and impaired time. */
public record IncidentView(UUID id, String title, String cause, Severity severity, IncidentStatus status,
                           Instant startedAt, Instant detectedAt, Instant resolvedAt, int reopenCount,
                           long revision, Instant createdAt, Summary impact, List<ServiceState> services) {

    public record Summary(ComponentState impairedFrom, Instant firstImpairmentAt, Instant lastRecoveryAt,
                          boolean ongoing, String totalDuration, long totalDurationSeconds) {
    }

    public record ServiceState(String service, String name, List<String> functions, ComponentState currentState,
                               Map<Platform, ComponentState> currentStateByPlatform, String impairedDuration,
                               long impairedSeconds) {
    }
}
