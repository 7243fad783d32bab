-- Committee review, payout batches and the ledger.

alter table claim
    add column approved_amount    bigint check (approved_amount is null or approved_amount > 0),
    add column approved_by        varchar(200),
    add column approved_at        timestamptz,
    add column recommended_amount bigint,
    add column recommended_by     varchar(200),
    add column decision_reason    varchar(2000),
    add column payout_batch_id    uuid,
    add column bank_reference     varchar(100),
    add column paid_at            timestamptz;
create index claim_payable_idx on claim (program_id) where state = 'approved' and payout_batch_id is null;

-- Every decision on a claim, in order; never updated.
create table claim_decision (
    id               uuid primary key,
    seq              bigint generated always as identity,  -- the order decisions were taken in
    claim_id         uuid          not null references claim (id),
    decision         varchar(32)   not null,
    from_state       varchar(32)   not null,
    to_state         varchar(32)   not null,
    amount           bigint,
    reason           varchar(2000),
    evidence_types   text[]        not null default '{}',
    principal        varchar(200)  not null,
    decided_at       timestamptz   not null
);
create index claim_decision_claim_idx on claim_decision (claim_id, seq);

create table payout_batch (
    id            uuid primary key,
    program_id    uuid          not null references program (id),
    state         varchar(16)   not null check (state in ('open', 'settled')),
    item_count    integer       not null,
    total_amount  bigint        not null,
    created_at    timestamptz   not null,
    created_by    varchar(200)  not null,
    settled_at    timestamptz
);

create table payout_item (
    batch_id        uuid          not null references payout_batch (id),
    claim_id        uuid          not null references claim (id),
    amount          bigint        not null check (amount > 0),
    state           varchar(16)   not null check (state in ('pending', 'paid', 'failed')),
    bank_reference  varchar(100),
    failure_reason  varchar(500),
    settled_at      timestamptz,
    primary key (batch_id, claim_id)
);
-- a claim is paid at most once, whatever the batches say
create unique index payout_item_paid_once on payout_item (claim_id) where state = 'paid';
create index payout_item_claim_idx on payout_item (claim_id);

-- Double-entry ledger in whole won: each transaction's entries sum to zero. Accounts:
-- program_budget (credited when a claim is approved), payable (owed to a business),
-- paid (transferred by the bank). Entries are immutable.
create sequence ledger_entry_seq increment by 50;
create table ledger_entry (
    id           bigint primary key default nextval('ledger_entry_seq'),
    txn_id       uuid          not null,
    program_id   uuid          not null references program (id),
    claim_id     uuid          references claim (id),
    batch_id     uuid          references payout_batch (id),
    account      varchar(32)   not null check (account in ('program_budget', 'payable', 'paid')),
    amount       bigint        not null check (amount <> 0),
    memo         varchar(200)  not null,
    booked_at    timestamptz   not null
);
create index ledger_entry_txn_idx on ledger_entry (txn_id);
create index ledger_entry_program_idx on ledger_entry (program_id, account);

create function ledger_entry_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'ledger entries are immutable (% on entry %)', tg_op, old.id;
end $$;
create trigger ledger_entry_no_update before update or delete on ledger_entry
    for each row execute function ledger_entry_is_immutable();
