package kr.outage.compensation.entitlement.client;

import kr.outage.compensation.entitlement.problem.ProblemType;
import kr.outage.compensation.platform.problem.ProblemException;

/**
 * incident-service could not answer (down, slow, or the circuit is open). Nothing was stored, and
 * nothing is lost by trying again: a 503 with Retry-After.
 */
public class IncidentServiceUnavailable extends ProblemException {

    private static final int RETRY_AFTER_SECONDS = 30;

    public IncidentServiceUnavailable(Throwable cause) {
        super(ProblemType.INCIDENT_SERVICE_UNAVAILABLE,
                "incident-service cannot confirm the incident now; nothing was stored, try again later", null, null, cause);
    }

    @Override
    public int retryAfterSeconds() {
        return RETRY_AFTER_SECONDS;
    }
}
