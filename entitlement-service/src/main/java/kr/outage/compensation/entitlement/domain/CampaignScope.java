package kr.outage.compensation.entitlement.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What a campaign grants to: each eligible subscription (a pass holder gets +3 days per pass), or
 * each eligible account (everyone gets a gift pack, subscribed or not).
 */
public enum CampaignScope {
    SUBSCRIPTIONS, ACCOUNTS;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the wire form, case-insensitively; unknown text is refused with the list of valid values. */
    @JsonCreator
    public static CampaignScope fromWire(String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + java.util.Arrays.stream(values()).map(CampaignScope::wire).toList());
        }
    }
}
