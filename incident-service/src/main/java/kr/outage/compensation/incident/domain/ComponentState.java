package kr.outage.compensation.incident.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The state of one function of a service on one platform, ordered from best to worst. The order
 * matters: a service is as bad as its worst function, and at the same instant the worse of two
 * equally specific statements wins.
 */
public enum ComponentState {
    OPERATIONAL,
    DEGRADED,
    PARTIAL_OUTAGE,
    MAJOR_OUTAGE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isWorseThan(ComponentState other) {
        return compareTo(other) > 0;
    }

    public boolean atLeast(ComponentState threshold) {
        return compareTo(threshold) >= 0;
    }

    public static Optional<ComponentState> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }

    public static String allowedValues() {
        return String.join(", ", Arrays.stream(values()).map(ComponentState::wireName).toList());
    }
}
