package kr.outage.compensation.entitlement.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/**
 * incident-service's answer to "was this service impaired, when, and for how long": {@code affected}
 * is false when the incident never mentioned the service; {@code windows} are the impaired windows
 * on any platform, {@code to} null while one is still open.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImpactCheck(String service, boolean affected, boolean everImpaired, long totalImpairedSeconds,
                          List<ImpairedWindow> windows) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImpairedWindow(Instant from, Instant to) {
    }
}
