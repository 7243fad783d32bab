package kr.outage.compensation.entitlement.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How a subscription stood at the campaign's snapshot: active then, or ended while the outage
 * lasted (the pass that ran out on the outage day), or either.
 */
public enum SnapshotHolding {
    ACTIVE_AT_SNAPSHOT, ENDED_DURING_OUTAGE, ANY;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the wire form, case-insensitively; unknown text is refused with the list of valid values. */
    @JsonCreator
    public static SnapshotHolding fromWire(String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + java.util.Arrays.stream(values()).map(SnapshotHolding::wire).toList());
        }
    }
}
