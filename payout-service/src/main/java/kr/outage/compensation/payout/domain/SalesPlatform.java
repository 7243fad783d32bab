package kr.outage.compensation.payout.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The platforms through which a business lost sales, as incident-service names them. {@code ALL}
 * means every platform and stands alone: a claim names either {@code all} or some of the others.
 */
public enum SalesPlatform {
    MOBILE, WEB, PC, ALL;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SalesPlatform fromWire(String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + Arrays.stream(values()).map(SalesPlatform::wire).toList());
        }
    }

    /** What is wrong with a claim's list of platforms, or null when it is fine. */
    public static String problem(List<SalesPlatform> platforms) {
        if (platforms.isEmpty() || platforms.stream().anyMatch(java.util.Objects::isNull)) {
            return "must name at least one platform: mobile, web, pc, or all";
        }
        Set<SalesPlatform> distinct = EnumSet.copyOf(platforms);
        if (distinct.size() != platforms.size()) {
            return "must not name a platform twice";
        }
        if (distinct.contains(ALL) && distinct.size() > 1) {
            return "'all' already covers every platform; name it alone";
        }
        return null;
    }
}
