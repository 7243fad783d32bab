package kr.outage.compensation.entitlement.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the App Store said about a mass extension, sorted by what the caller must do next. */
public sealed interface MassAnswer {

    /** Apple took the request and works on it (hours to days for a large product). */
    record Accepted() implements MassAnswer {
    }

    /** The request's status: Apple's counts so far, and whether it is done. */
    record Progress(boolean complete, Instant completeAt, long succeeded, long failed) implements MassAnswer {
    }

    /** One page of notification history: the signed payloads, and the token of the next page (null: last page). */
    record HistoryPage(List<String> signedPayloads, String nextPageToken) implements MassAnswer {
    }

    /** Apple refuses the request itself (unknown product, invalid storefront); asking again gives the same answer. */
    record Refused(String code, String detail) implements MassAnswer {
    }

    /** Nothing is known to have happened (rate limit, outage, timeout, our configuration): ask again later. */
    record TryAgain(Duration after, String reason) implements MassAnswer {
    }
}
