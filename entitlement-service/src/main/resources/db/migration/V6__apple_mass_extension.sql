-- The App Store's mass extension ("Extend Subscription Renewal Dates for All Active Subscribers"): one
-- request per (campaign, product) instead of one per subscription. The campaign's requests for those
-- subscriptions are recorded as before, in state MASS: nothing is sent for them one by one; each is
-- settled by Apple's notification about that subscription (RENEWAL_EXTENDED: EXTENDED; RENEWAL_EXTENSION
-- with subtype FAILURE: FALLBACK with the cash), or, once Apple has completed the mass request and its
-- notification history has been read, FALLBACK because Apple did not extend it.
alter table store_request drop constraint store_request_state_check;
alter table store_request add constraint store_request_state_check
    check (state in ('PENDING', 'SENDING', 'MASS', 'EXTENDED', 'FALLBACK'));
-- a notification names the subscription (original transaction id) and its product
create index store_request_mass_idx on store_request (store_ref, product_id) where state = 'MASS';

-- One mass request to Apple per campaign and product:
--   PENDING   recorded by the run's chunks; sent once every chunk of the run is applied (so every
--             subscription it covers has its row before Apple starts to report on them) and no other
--             mass request for the product is in flight (a notification names no request)
--   SENT      Apple accepted it (the same request_id on every resend: Apple's requestIdentifier);
--             its status is polled until complete
--   COMPLETE  Apple reported it complete; after the grace period its notification history is read
--             and the subscriptions it did not report as extended get the fallback
--   SETTLED   every request of the campaign for this product is settled
create table apple_mass_extension (
    campaign_id     uuid         not null,
    product_id      varchar(200) not null,
    run_id          uuid         not null,
    request_id      uuid         not null unique,
    days            int          not null check (days between 1 and 90),
    storefronts     varchar(3)[] not null default '{}',
    state           varchar(8)   not null check (state in ('PENDING', 'SENT', 'COMPLETE', 'SETTLED')),
    attempts        int          not null default 0,
    not_before      timestamptz  not null,
    last_error      varchar(1000),
    sent_at         timestamptz,
    complete_at     timestamptz,
    succeeded_count bigint,
    failed_count    bigint,
    created_at      timestamptz  not null,
    primary key (campaign_id, product_id)
);
create index apple_mass_extension_due_idx on apple_mass_extension (not_before) where state <> 'SETTLED';

-- Every App Store Server Notification accepted (signature verified), once: Apple resends a
-- notification it thinks was not received, and the history read at the end repeats those that were
create table apple_notification (
    notification_uuid uuid         primary key,
    notification_type varchar(40)  not null,
    subtype           varchar(40),
    original_transaction_id varchar(64),
    product_id        varchar(200),
    -- what the notification settled: EXTENDED, FALLBACK, COMPLETE, or NONE (about nothing the suite asked for)
    outcome           varchar(10)  not null,
    signed_at         timestamptz,
    received_at       timestamptz  not null
);
