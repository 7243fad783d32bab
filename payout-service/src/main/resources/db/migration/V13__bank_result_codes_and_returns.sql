-- The bank's result codes, their class, and transfers returned after settlement.
--
-- A failed item carries the code the bank gave and its class: permanent (the claim waits in
-- payment_failed for a corrected account) or transient (the claim goes into a later batch on the same
-- account; after payout.payments.transient-retries such failures in a row it counts as permanent).
-- A returned item was paid, then sent back by the bank: its ledger entries are reversed and the claim
-- waits in payment_failed, exactly like a permanent failure.
alter table payout_item drop constraint payout_item_state_check;
alter table payout_item
    add constraint payout_item_state_check check (state in ('pending', 'paid', 'failed', 'returned')),
    add column result_code     varchar(32),
    add column failure_class   varchar(16) check (failure_class in ('permanent', 'transient')),
    add column return_code     varchar(32),
    add column return_reason   varchar(500),
    add column return_reference varchar(100),
    add column returned_at     timestamptz,
    add column returned_by     varchar(200);
-- items failed before codes existed were all handled as permanent
update payout_item set failure_class = 'permanent', result_code = 'other' where state = 'failed';

alter table claim
    add column last_payment_failure_code varchar(32),
    -- transient failures in a row on the current account; a correction starts again at zero
    add column transient_failures integer not null default 0;
update claim set last_payment_failure_code = 'other' where last_payment_failure is not null;
