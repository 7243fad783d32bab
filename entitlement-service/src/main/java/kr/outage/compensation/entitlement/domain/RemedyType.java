package kr.outage.compensation.entitlement.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** What a remedy gives. The first two change a pass; a store extension asks the store to; the rest add to the account. */
public enum RemedyType {
    /** Move a recurring pass's next billing date N days later (direct billing only, in practice). */
    EXTEND_BILLING_DATE,
    /** Move a ticket pass's last day N days later. */
    EXTEND_EXPIRY,
    /** Credit N KRW of in-app cash. */
    CREDIT_CASH,
    /** Grant an item (e.g. an emoticon set), permanently or for N days from the grant. */
    GRANT_ITEM,
    /** Grant a coupon worth N KRW, valid until an instant. */
    GRANT_COUPON,
    /** An item the person must claim before a deadline; only the first {@code cap} claimants get it. */
    CLAIMABLE_ITEM,
    /**
     * Ask the App Store or Google Play to move an in-app subscription's renewal date N days (1-90):
     * only the store owns that date. Subscriptions the store cannot extend get the remedy's fallback.
     */
    STORE_EXTENSION;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RemedyType fromWire(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("must be one of " + Arrays.stream(values()).map(RemedyType::wire).toList());
        }
    }

    /** Remedies a run applies to every subject of its group; claimable ones wait for the person. */
    public boolean appliedByRun() {
        return this != CLAIMABLE_ITEM;
    }

    public boolean changesPass() {
        return this == EXTEND_BILLING_DATE || this == EXTEND_EXPIRY;
    }
}
