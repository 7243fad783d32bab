-- In-app subscriptions billed by the App Store or Google Play: the store owns their renewal date, so
-- only the store can move it. The suite keeps what identifies the subscription at the store: the
-- product id, and Apple's original transaction id or Google's purchase token. Rows without them stay
-- cash-only (a store_extension remedy gives them its fallback).
alter table subscription
    add column store_product_id               varchar(200),
    add column store_original_transaction_id  varchar(64),
    add column store_purchase_token           varchar(1000),
    add constraint subscription_store_identity_check check (
        (store_product_id is null and store_original_transaction_id is null and store_purchase_token is null)
        or (channel = 'APPLE' and store_product_id is not null and store_original_transaction_id is not null
            and store_purchase_token is null)
        or (channel = 'GOOGLE' and store_product_id is not null and store_purchase_token is not null
            and store_original_transaction_id is null));

-- One request to a store per (campaign, subscription), written in the chunk's transaction together
-- with the grant, before anything is sent. The row is the protocol that makes the store call happen
-- exactly once across the boundary:
--   PENDING   written by the run, nothing sent yet
--   SENDING   committed before every attempt (with Google's expected expiry, read from the store on
--             the first attempt): a retry after a crash sends the same request_id / expected expiry,
--             which the store answers without extending a second time
--   EXTENDED  the store confirmed; new_expiry is its answer
--   FALLBACK  the store refused for good (not eligible, twice this year, unknown, expired): the
--             fallback cash was credited in the same transaction that set this state
create table store_request (
    campaign_id     uuid         not null,
    subject_id      bigint       not null,
    user_id         varchar(64)  not null,
    run_id          uuid         not null,
    channel         varchar(8)   not null check (channel in ('APPLE', 'GOOGLE')),
    product_id      varchar(200) not null,
    -- Apple: original transaction id; Google: purchase token
    store_ref       varchar(1000) not null,
    days            int          not null check (days between 1 and 90),
    fallback_krw    bigint       not null check (fallback_krw > 0),
    -- Apple's requestIdentifier: the same on every attempt, so a resent request is not a second extension
    request_id      uuid         not null unique,
    -- Google: the expiry the deferral expects, recorded before the first deferral is sent
    expected_expiry timestamptz,
    state           varchar(8)   not null check (state in ('PENDING', 'SENDING', 'EXTENDED', 'FALLBACK')),
    attempts        int          not null default 0,
    not_before      timestamptz  not null,
    last_error      varchar(1000),
    -- the store's own word for a refusal (e.g. SUBSCRIPTION_MAX_EXTENSION, subscriptionExpired)
    refusal         varchar(100),
    new_expiry      timestamptz,
    created_at      timestamptz  not null,
    settled_at      timestamptz,
    primary key (subject_id, campaign_id),
    check ((state in ('EXTENDED', 'FALLBACK')) = (settled_at is not null))
);
-- each store's workers take that store's due requests (one store's rate limit never holds up the other)
create index store_request_due_idx on store_request (channel, not_before) where state in ('PENDING', 'SENDING');
create index store_request_run_idx on store_request (run_id, state);
-- Apple extends one subscription at most twice in 365 days: runs read the extensions the suite made
create index store_request_ref_idx on store_request (store_ref, settled_at) where state = 'EXTENDED';
