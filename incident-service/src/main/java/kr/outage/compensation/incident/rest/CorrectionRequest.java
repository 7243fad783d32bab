package kr.outage.compensation.incident.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Replaces an update with a corrected one; the original stays in the timeline, marked superseded. */
public record CorrectionRequest(
        @NotBlank @Size(max = 1000) String reason,
        @NotNull @Valid TimelineUpdateRequest replacement) {
}
