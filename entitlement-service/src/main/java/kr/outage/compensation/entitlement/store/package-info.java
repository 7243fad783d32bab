/**
 * The App Store and Google Play as the owners of in-app subscriptions' renewal dates: one
 * {@link kr.outage.compensation.entitlement.store.SubscriptionStore} per store, each built on the
 * store's own client library for signing (Apple's App Store Server Library, Google's auth library),
 * with timeouts, the store's rate limit, and its answers sorted into extended / refused for good /
 * try again. Exactly-once across the boundary is not here but in the caller's protocol
 * ({@code StoreRequestWorker}): the adapters only promise that sending the same request twice
 * (same request identifier, same expected expiry) never extends twice.
 */
package kr.outage.compensation.entitlement.store;
