package kr.outage.compensation.incident.rest;

import kr.outage.compensation.incident.service.TimelineUpdate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Body of {@code POST /api/v1/incidents/{id}/updates}: what was true from {@code at} on. {@code at}
 * may lie in the past (back-filled facts); the order updates arrive in does not matter.
 */
public record TimelineUpdateRequest(
        @NotNull OffsetDateTime at,
        @NotNull @Pattern(regexp = Wire.STATUS, message = Wire.STATUS_MESSAGE) String status,
        @Size(max = 4000) String message,
        @Valid @Size(max = 500) List<@NotNull StateStatementRequest> states) {

    public TimelineUpdate toTimelineUpdate() {
        return new TimelineUpdate(at.toInstant(), status, message, states == null ? null : states.stream()
                .map(s -> new TimelineUpdate.StateStatement(s.service(), s.function(), s.platform(), s.state())).toList());
    }

    /** "Service S, function F (or all of them), on platform P (default all) is in state X." */
    public record StateStatementRequest(
            @NotNull @Pattern(regexp = Wire.KEY, message = Wire.KEY_MESSAGE) String service,
            @Pattern(regexp = Wire.KEY, message = Wire.KEY_MESSAGE) String function,
            @Pattern(regexp = Wire.PLATFORM, message = Wire.PLATFORM_MESSAGE) String platform,
            @NotNull @Pattern(regexp = Wire.STATE, message = Wire.STATE_MESSAGE) String state) {
    }
}
