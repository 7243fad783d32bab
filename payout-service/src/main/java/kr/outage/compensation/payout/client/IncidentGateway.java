package kr.outage.compensation.payout.client;

import io.smallrye.mutiny.Uni;
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
 * The facts this service needs from incident-service, behind a timeout, retries (the calls are
 * reads, so repeating them is safe) and a circuit breaker, so a slow or failed incident-service
 * costs a claim a quick, clear refusal rather than a hung request. "Not found" is an answer, not a
 * failure: it neither retries nor opens the circuit.
 */
@ApplicationScoped
public class IncidentGateway {

    @Inject
    @RestClient
    IncidentServiceClient client;

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<Optional<IncidentSummary>> incident(UUID incidentId) {
        return client.incident(incidentId)
                .map(Optional::of)
                .onFailure(IncidentGateway::isNotFound).recoverWithItem(Optional.empty());
    }

    /** Impaired time and windows of {@code service} on {@code platform} (mobile, web, pc or all), or empty when the incident does not exist. */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<Optional<ImpactCheck>> impact(UUID incidentId, String service, String platform) {
        return client.check(incidentId, service, platform, null)
                .map(Optional::of)
                .onFailure(IncidentGateway::isNotFound).recoverWithItem(Optional.empty());
    }

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof WebApplicationException e && e.getResponse().getStatus() == 404;
    }
}
