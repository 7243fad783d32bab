package kr.outage.compensation.incident.service;

import java.time.Instant;
import java.util.List;

/**
 * An incident as its commander declares it: what is known at the start. The REST layer and the demo
 * loader build it from what they read; {@link IncidentCommands#declare} checks and stores it.
 */
public record IncidentDeclaration(String title, String cause, String severity, Instant startedAt, Instant detectedAt,
                                  List<AffectedService> services) {

    /** A service known to be affected when the incident is declared; more can appear in later updates. */
    public record AffectedService(String service, String name, List<String> functions) {
    }

    public List<AffectedService> servicesOrEmpty() {
        return services == null ? List.of() : services;
    }
}
