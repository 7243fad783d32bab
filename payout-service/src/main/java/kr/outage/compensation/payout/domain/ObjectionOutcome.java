package kr.outage.compensation.payout.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What the committee answers an objection: the decision objected to stands, or the amount is amended
 * (raised; an amendment never lowers what was decided, so nothing is ever clawed back by it).
 */
public enum ObjectionOutcome {
    DECISION_UPHELD,
    AMENDED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ObjectionOutcome> parse(String value) {
        return Arrays.stream(values()).filter(o -> o.wireName().equals(value)).findFirst();
    }
}
