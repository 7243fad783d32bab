package kr.outage.compensation.payout.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a claim stands. Claims at or under the review threshold with their evidence are approved by rule. */
public enum ClaimState {
    EVIDENCE_REQUESTED,
    AWAITING_REVIEW,
    APPROVED,
    REJECTED,
    PAID;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ClaimState fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
