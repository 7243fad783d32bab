package kr.outage.compensation.entitlement.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * What this service asks incident-service, behind a timeout, retries (reads, so safe to repeat) and
 * a circuit breaker. "No such incident" is an answer (empty), not a failure.
 */
@ApplicationScoped
public class IncidentGateway {

    @Inject
    @RestClient
    IncidentServiceClient client;

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Optional<ImpactCheck> impact(UUID incidentId, String service) {
        try {
            return Optional.of(client.check(incidentId, service, "all"));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
