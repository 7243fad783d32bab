package kr.outage.compensation.incident.rest;

import kr.outage.compensation.incident.domain.ComponentState;
import kr.outage.compensation.incident.domain.Platform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer other services rely on: was {@code service} on {@code platform} impaired at {@code at},
 * in which state, and for how long in total. {@code affected} is false when the incident never
 * mentioned the service at all.
 */
public record ImpactCheckView(UUID incidentId, String service, Platform platform, Instant at,
                              boolean affected, Boolean impairedAt, ComponentState stateAt,
                              List<String> impairedFunctionsAt, ComponentState impairedFrom,
                              boolean everImpaired, String totalImpairedDuration, long totalImpairedSeconds,
                              List<WindowView> windows, long revision) {
}
