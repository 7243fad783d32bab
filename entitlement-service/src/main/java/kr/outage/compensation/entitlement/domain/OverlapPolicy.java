package kr.outage.compensation.entitlement.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a campaign does with a subject that another published campaign already compensated for the
 * same incident and one of the same services. {@code EXCLUDE} (the default) skips it, so a second
 * campaign defined by mistake cannot pay anyone twice; {@code ALLOW} grants it anyway, as a deliberate
 * top-up whose written reason is shown on the public registry.
 */
public enum OverlapPolicy {
    EXCLUDE, ALLOW;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static OverlapPolicy fromWire(String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + Arrays.stream(values()).map(OverlapPolicy::wire).toList());
        }
    }
}
