package kr.outage.compensation.incident.rest;

import kr.outage.compensation.incident.domain.ComponentState;
import kr.outage.compensation.incident.domain.Window;

import java.time.Duration;
import java.time.Instant;

/** A window {@code [from, to)}; {@code to} is null and {@code open} true while it lasts (duration then runs to asOf). */
public record WindowView(Instant from, Instant to, boolean open, ComponentState state, String duration, long durationSeconds) {

    static WindowView of(Window window, Instant asOf) {
        Duration d = window.duration(asOf);
        return new WindowView(window.from(), window.to(), window.isOpen(), window.state(), d.toString(), d.toSeconds());
    }
}
