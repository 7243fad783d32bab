package kr.outage.compensation.incident.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A half-open interval {@code [from, to)} in one state; {@code to == null} means still open.
 * The duration of an open window runs to {@code asOf}.
 */
public record Window(Instant from, Instant to, ComponentState state) {

    public boolean isOpen() {
        return to == null;
    }

    public boolean contains(Instant at) {
        return !at.isBefore(from) && (to == null || at.isBefore(to));
    }

    /** The summed durations of windows, open ones running to {@code asOf}. */
    public static Duration total(List<Window> windows, Instant asOf) {
        return windows.stream().map(w -> w.duration(asOf)).reduce(Duration.ZERO, Duration::plus);
    }

    public Duration duration(Instant asOf) {
        Instant end = to != null ? to : asOf;
        return end.isAfter(from) ? Duration.between(from, end) : Duration.ZERO;
    }
}
