package kr.outage.compensation.entitlement.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** A recurring pass renews on its next billing date; a ticket simply expires after its last day. */
public enum SubscriptionKind {
    RECURRING, TICKET;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the wire form, case-insensitively; unknown text is refused with the list of valid values. */
    @JsonCreator
    public static SubscriptionKind fromWire(String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + java.util.Arrays.stream(values()).map(SubscriptionKind::wire).toList());
        }
    }
}
