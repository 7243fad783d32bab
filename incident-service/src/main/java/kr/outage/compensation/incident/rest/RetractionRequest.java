package kr.outage.compensation.incident.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Withdraws an update that should never have been posted; it stays visible, marked retracted. */
public record RetractionRequest(@NotBlank @Size(max = 1000) String reason) {
}
