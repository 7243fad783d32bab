package kr.outage.compensation.incident.rest;

import kr.outage.compensation.incident.domain.ComponentState;
import kr.outage.compensation.incident.domain.Platform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/v1/incidents/{id}/impact}. {@code impairedFrom} is the threshold in force:
 * partial_outage by default, degraded when the caller asked to count degraded time.
 */
public record ImpactView(UUID incidentId, long revision, Instant asOf, ComponentState impairedFrom,
                         Instant firstImpairmentAt, Instant lastRecoveryAt, boolean ongoing,
                         String totalDuration, long totalDurationSeconds, List<ServiceImpact> services) {

    /** One service: impaired time on any platform, per platform, and every function's state windows. */
    public record ServiceImpact(String service, String impairedDuration, long impairedSeconds,
                                List<PlatformImpact> platforms, List<FunctionImpact> functions) {
    }

    /** Windows in which the service was impaired on this platform (worst state inside each window). */
    public record PlatformImpact(Platform platform, String impairedDuration, long impairedSeconds,
                                 List<WindowView> windows) {
    }

    /** Every non-operational window of one function on one platform, split where the state changed. */
    public record FunctionImpact(String function, Platform platform, List<WindowView> windows) {
    }
}
