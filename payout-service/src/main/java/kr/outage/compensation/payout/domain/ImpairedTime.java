package kr.outage.compensation.payout.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How long a service was impaired on the platforms a business sold through: the union of the
 * impaired windows incident-service reports per platform, so an hour in which mobile and web were
 * both down counts once, not twice. An open window (still impaired) runs to {@code asOf}.
 */
public final class ImpairedTime {

    /** A window [from, to); {@code to} null while the impairment goes on. */
    public record Window(Instant from, Instant to) {
    }

    private ImpairedTime() {
    }

    public static long unionSeconds(List<Window> windows, Instant asOf) {
        List<Window> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparing(Window::from));
        long seconds = 0;
        Instant start = null;
        Instant end = null;
        for (Window w : sorted) {
            Instant to = w.to() == null ? asOf : w.to();
            if (!to.isAfter(w.from())) {
                continue;
            }
            if (start == null || w.from().isAfter(end)) {
                seconds += start == null ? 0 : Duration.between(start, end).toSeconds();
                start = w.from();
                end = to;
            } else if (to.isAfter(end)) {
                end = to;
            }
        }
        return seconds + (start == null ? 0 : Duration.between(start, end).toSeconds());
    }
}
