package kr.outage.compensation.incident.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where a user reaches a service. {@link #ALL} is shorthand in statements and queries, never a stored timeline. */
public enum Platform {
    MOBILE,
    WEB,
    PC,
    ALL;

    /** The platforms a timeline is actually kept for. */
    public static final List<Platform> CONCRETE = List.of(MOBILE, WEB, PC);

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public List<Platform> expand() {
        return this == ALL ? CONCRETE : List.of(this);
    }

    public static Optional<Platform> fromWire(String value) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(value)).findFirst();
    }

    public static String allowedValues() {
        return String.join(", ", Arrays.stream(values()).map(Platform::wireName).toList());
    }
}
