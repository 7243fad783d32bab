package kr.outage.compensation.entitlement.store;

import java.time.Duration;
import java.time.Instant;

/** What a store said, sorted by what the caller must do next. */
public sealed interface StoreAnswer {

    /** The store moved the renewal date; {@code newExpiry} is the store's new date. */
    record Extended(Instant newExpiry) implements StoreAnswer {
    }

    /**
     * The store will not extend this subscription, and asking again will not change that (not eligible,
     * extended twice this year, expired, unknown to the store): the fallback is due.
     * {@code code} is the store's own word for it.
     */
    record Refused(String code, String detail) implements StoreAnswer {
    }

    /** Nothing is known to have happened (rate limit, store outage, timeout, our own configuration): send again later. */
    record TryAgain(Duration after, String reason) implements StoreAnswer {
    }

    /** Google only: the subscription's expiry now and its etag, which the deferral will name. */
    record CurrentExpiry(Instant expiry, String etag) implements StoreAnswer {
    }

    /**
     * Google only: the subscription changed before a deferral of ours reached it (it renewed, another
     * deferral moved it): nothing of ours happened, and the deferral is to be sent again from
     * {@code now}.
     */
    record Changed(CurrentExpiry now) implements StoreAnswer {
    }
}
