package kr.outage.compensation.entitlement.store;

import java.time.Duration;
import java.util.Optional;

/** A store's {@code Retry-After} header: both stores send it as a number of seconds. */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait it asks for; empty when absent, negative or not a number (the caller's default applies). */
    static Optional<Duration> parse(String header) {
        try {
            long s = Long.parseLong(header.trim());
            return s >= 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
