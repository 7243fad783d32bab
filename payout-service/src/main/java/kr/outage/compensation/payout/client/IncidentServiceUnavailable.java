package kr.outage.compensation.payout.client;

/** incident-service did not answer in time, answered with a server error, or its circuit is open. */
public class IncidentServiceUnavailable extends RuntimeException {

    public IncidentServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /** Any failure left after the gateway's retries means the incident cannot be confirmed now. */
    public static IncidentServiceUnavailable wrap(Throwable failure) {
        return failure instanceof IncidentServiceUnavailable u ? u : new IncidentServiceUnavailable(
                "incident-service could not confirm the incident (" + failure.getClass().getSimpleName()
                        + "); nothing was stored, please retry", failure);
    }
}
