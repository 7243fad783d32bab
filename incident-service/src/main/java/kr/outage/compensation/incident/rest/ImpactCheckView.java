package kr.outage.compensation.incident.rest;

import kr.outage.compensation.incident.domain.ComponentState;
import kr.outage.compensation.incident.domain.Platform;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer other services rely on: was {@code service} on {@code platform} impaired at {@code at},
 * in which state, and for how long in total. {@code affected} is false when the incident never
 * mentioned the service at all.
 */
public record ImpactCheckView(@Schema(required = true) UUID incidentId, @Schema(required = true) String service,
                              @Schema(required = true) Platform platform, Instant at,
                              @Schema(required = true) boolean affected, Boolean impairedAt, ComponentState stateAt,
                              List<String> impairedFunctionsAt, @Schema(required = true) ComponentState impairedFrom,
                              @Schema(required = true) boolean everImpaired, @Schema(required = true) String totalImpairedDuration,
                              @Schema(required = true) long totalImpairedSeconds, @Schema(required = true) List<WindowView> windows,
                              @Schema(required = true) long revision) {
}
