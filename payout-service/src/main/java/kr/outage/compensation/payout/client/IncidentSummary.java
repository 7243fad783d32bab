package kr.outage.compensation.payout.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/** The part of incident-service's incident view this service reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncidentSummary(UUID id, String title, String status, Instant startedAt, Instant resolvedAt) {
}
