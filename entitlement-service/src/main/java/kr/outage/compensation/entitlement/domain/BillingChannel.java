package kr.outage.compensation.entitlement.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Who bills the pass. Only direct billing lets the service move a billing date; the app stores and some partners cannot. */
public enum BillingChannel {
    DIRECT, APPLE, GOOGLE, PARTNER;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the wire form, case-insensitively; unknown text is refused with the list of valid values. */
    @JsonCreator
    public static BillingChannel fromWire(String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + java.util.Arrays.stream(values()).map(BillingChannel::wire).toList());
        }
    }
}
