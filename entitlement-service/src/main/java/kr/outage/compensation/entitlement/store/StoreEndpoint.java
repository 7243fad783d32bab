package kr.outage.compensation.entitlement.store;

/**
 * The store endpoints the suite calls, each with its own rate limit at the store. Apple's
 * "Identifying rate limits" gives them per app and endpoint (one subscription's extension 20/s, the
 * mass extension 1/s, the notification history and Get All Subscription Statuses 50/s; the sandbox a
 * tenth); Google's quota is per
 * project, so its reads and deferrals share one budget.
 */
public enum StoreEndpoint {
    APPLE_EXTEND("apple.extend"),
    /** Get All Subscription Statuses: the renewal date read before an extension is sent, and before it is resent. */
    APPLE_STATUS("apple.status"),
    APPLE_MASS_EXTEND("apple.mass-extend"),
    APPLE_MASS_STATUS("apple.mass-status"),
    APPLE_NOTIFICATION_HISTORY("apple.notification-history"),
    GOOGLE("google");

    private final String key;

    StoreEndpoint(String key) {
        this.key = key;
    }

    /** Its name in configuration ({@code entitlement.stores.limits.<key>}) and in store_call_budget. */
    public String key() {
        return key;
    }
}
