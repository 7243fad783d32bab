package kr.outage.compensation.payout.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * incident-service's answer to "was this service impaired, and for how long": {@code affected} is
 * false when the incident never mentioned the service.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImpactCheck(String service, boolean affected, boolean everImpaired, long totalImpairedSeconds,
                          String totalImpairedDuration, long revision) {
}
