package kr.outage.compensation.platform.notice;

import java.time.Duration;

/** What a channel answered about one notice. */
public sealed interface Delivery {

    /** The channel took it ({@code providerId}: its own id for it, when it gives one). */
    record Accepted(String providerId) implements Delivery {
    }

    /** Nothing is known to have been sent for good: try again after {@code after}. */
    record TryAgain(java.time.Duration after, String reason) implements Delivery {
    }

    /** Refused for good, for this recipient (no such number, mailbox does not exist): never sent again. */
    record Refused(String code, String detail) implements Delivery {
    }

    static TryAgain later(Duration after, String reason) {
        return new TryAgain(after, reason);
    }
}
