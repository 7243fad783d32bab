package kr.outage.compensation.entitlement.client;

/** incident-service could not answer (down, slow, or the circuit is open); the caller may try again later. */
public class IncidentServiceUnavailable extends RuntimeException {

    public IncidentServiceUnavailable(Throwable cause) {
        super("incident-service cannot confirm the incident now; nothing was stored, try again later", cause);
    }
}
