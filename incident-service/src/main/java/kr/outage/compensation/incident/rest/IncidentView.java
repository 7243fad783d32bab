package kr.outage.compensation.incident.rest;

import kr.outage.compensation.incident.domain.ComponentState;
import kr.outage.compensation.incident.domain.IncidentStatus;
import kr.outage.compensation.incident.domain.Platform;
import kr.outage.compensation.incident.domain.Severity;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code GET /api/v1/incidents/{id}}: the incident, each affected service's current state and impaired time. */
public record IncidentView(@Schema(required = true) UUID id, @Schema(required = true) String title, String cause,
                           @Schema(required = true) Severity severity, @Schema(required = true) IncidentStatus status,
                           @Schema(required = true) Instant startedAt, Instant detectedAt, Instant resolvedAt,
                           @Schema(required = true) int reopenCount, @Schema(required = true) long revision,
                           @Schema(required = true) Instant createdAt, @Schema(required = true) Summary impact,
                           @Schema(required = true) List<ServiceState> services) {

    public record Summary(@Schema(required = true) ComponentState impairedFrom, Instant firstImpairmentAt, Instant lastRecoveryAt,
                          @Schema(required = true) boolean ongoing, @Schema(required = true) String totalDuration,
                          @Schema(required = true) long totalDurationSeconds) {
    }

    public record ServiceState(@Schema(required = true) String service, String name, List<String> functions,
                               @Schema(required = true) ComponentState currentState,
                               Map<Platform, ComponentState> currentStateByPlatform,
                               @Schema(required = true) String impairedDuration, @Schema(required = true) long impairedSeconds) {
    }
}
