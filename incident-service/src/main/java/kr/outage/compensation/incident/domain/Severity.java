package kr.outage.compensation.incident.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How bad the incident is for users as a whole: critical = most users of a major service cannot use it. */
public enum Severity {
    CRITICAL,
    MAJOR,
    MINOR;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }

    public static String allowedValues() {
        return String.join(", ", Arrays.stream(values()).map(Severity::wireName).toList());
    }
}
