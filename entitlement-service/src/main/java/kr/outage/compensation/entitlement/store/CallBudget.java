package kr.outage.compensation.entitlement.store;

import java.time.Duration;

/** Turns to call a store endpoint, shared by every replica so that together they keep to the store's limit. */
public interface CallBudget {

    /** Blocks until this call's turn among all replicas' calls to {@code endpoint}. */
    void acquire(StoreEndpoint endpoint) throws InterruptedException;

    /** The store answered 429: no replica calls {@code endpoint} again before {@code after} has passed. */
    void pause(StoreEndpoint endpoint, Duration after);
}
