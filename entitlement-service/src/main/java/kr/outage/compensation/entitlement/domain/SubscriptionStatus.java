package kr.outage.compensation.entitlement.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** A subscription's current status (eligibility as of a snapshot uses its start and end instants, not this). */
public enum SubscriptionStatus {
    ACTIVE, CANCELLED, EXPIRED, SUSPENDED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the wire form, case-insensitively; unknown text is refused with the list of valid values. */
    @JsonCreator
    public static SubscriptionStatus fromWire(String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + java.util.Arrays.stream(values()).map(SubscriptionStatus::wire).toList());
        }
    }
}
