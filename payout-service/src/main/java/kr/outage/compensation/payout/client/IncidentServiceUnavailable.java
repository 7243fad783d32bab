package kr.outage.compensation.payout.client;

import kr.outage.compensation.payout.problem.ProblemType;
import kr.outage.compensation.platform.problem.ProblemException;

/**
 * incident-service did not answer in time, answered with a server error, or its circuit is open.
 * The claim was not stored, and nothing is lost by trying again: a 503 with Retry-After.
 */
public class IncidentServiceUnavailable extends ProblemException {

    private static final int RETRY_AFTER_SECONDS = 30;

    public IncidentServiceUnavailable(String message, Throwable cause) {
        super(ProblemType.INCIDENT_SERVICE_UNAVAILABLE, message, null, null, cause);
    }

    /** Any failure left after the gateway's retries means the incident cannot be confirmed now. */
    public static IncidentServiceUnavailable wrap(Throwable failure) {
        return failure instanceof IncidentServiceUnavailable u ? u : new IncidentServiceUnavailable(
                "incident-service could not confirm the incident (" + failure.getClass().getSimpleName()
                        + "); nothing was stored, please retry", failure);
    }

    @Override
    public int retryAfterSeconds() {
        return RETRY_AFTER_SECONDS;
    }
}
