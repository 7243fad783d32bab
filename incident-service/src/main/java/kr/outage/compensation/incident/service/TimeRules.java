package kr.outage.compensation.incident.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sanity bounds on instants. Facts may be back-filled, but not before the incident began, and
 * nothing is recorded as having happened in the future beyond a little clock skew.
 */
final class TimeRules {

    /** No platform outage this suite handles predates this; anything earlier is a typo. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Duration ALLOWED_CLOCK_SKEW = Duration.ofMinutes(5);

    private TimeRules() {
    }

    static void requirePlausible(String field, Instant at, Clock clock) {
        if (at.isBefore(EARLIEST)) {
            throw new TimelineRuleViolation(field, "must not be before " + EARLIEST);
        }
        if (at.isAfter(clock.instant().plus(ALLOWED_CLOCK_SKEW))) {
            throw new TimelineRuleViolation(field, "must not be in the future");
        }
    }

    static void requireNotBefore(String field, Instant at, String otherField, Instant other) {
        if (at.isBefore(other)) {
            throw new TimelineRuleViolation(field, "must not be before " + otherField + " (" + other + ")");
        }
    }
}
