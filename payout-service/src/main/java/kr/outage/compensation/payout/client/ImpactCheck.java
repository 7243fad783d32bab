package kr.outage.compensation.payout.client;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * incident-service's answer to "was this service impaired, and for how long": {@code affected} is
 * false when the incident never mentioned the service.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImpactCheck(String service, boolean affected, boolean everImpaired, long totalImpairedSeconds,
                          String totalImpairedDuration, List<ImpairedWindow> windows, long revision) {

    /** One impaired window: [from, to), {@code to} null while it is still open. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImpairedWindow(Instant from, Instant to) {
    }

    public List<ImpairedWindow> windowsOrEmpty() {
        return windows == null ? List.of() : windows;
    }
}
