package kr.outage.compensation.incident.rest;

import kr.outage.compensation.incident.domain.ComponentState;
import kr.outage.compensation.incident.domain.IncidentImpact;
import kr.outage.compensation.incident.domain.IncidentStatus;
import kr.outage.compensation.incident.domain.Platform;
import kr.outage.compensation.platform.problem.ProblemException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Strict parsing of query parameters. JAX-RS would answer a bad enum or number with a bare 404;
 * callers deserve a 400 that names the parameter and the accepted values.
 */
final class QueryParams {

    private QueryParams() {
    }

    static Platform platform(String value) {
        if (value == null || value.isEmpty()) {
            return Platform.ALL;
        }
        return Platform.fromWire(value).orElseThrow(() ->
                ProblemException.invalidParameter("platform", "must be one of " + Platform.allowedValues()));
    }

    static Optional<IncidentStatus> status(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(IncidentStatus.fromWire(value).orElseThrow(() ->
                ProblemException.invalidParameter("status", "must be one of " + IncidentStatus.allowedValues())));
    }

    static Optional<Instant> instant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidParameter(name,
                    "must be an ISO-8601 instant with offset, e.g. 2022-10-15T15:19:00+09:00");
        }
    }

    /** Degraded time is not impairment by default (the service was slow, not unusable); callers may opt in. */
    static ComponentState threshold(String includeDegraded) {
        if (includeDegraded == null || includeDegraded.isEmpty() || includeDegraded.equals("false")) {
            return IncidentImpact.DEFAULT_THRESHOLD;
        }
        if (includeDegraded.equals("true")) {
            return ComponentState.DEGRADED;
        }
        throw ProblemException.invalidParameter("includeDegraded", "must be true or false");
    }

    static String requiredKey(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw ProblemException.invalidParameter(name, "is required");
        }
        if (!value.matches(Wire.KEY)) {
            throw ProblemException.invalidParameter(name, Wire.KEY_MESSAGE);
        }
        return value;
    }
}
