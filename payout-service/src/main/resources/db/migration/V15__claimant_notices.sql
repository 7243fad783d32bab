-- Claimant notices: the filer is told when the claim is filed, approved (with the amount), rejected
-- (with the reason), paid, and when a transfer failed. Each notice is written by the same transaction
-- that changes the claim (a trigger, so that no path that changes a claim's state can forget it, and a
-- rollback takes the notice with it); a worker in every replica delivers it later, exactly once.

-- Where the filer wants to be told, encrypted like the bank account (AccountVault, bound to the claim),
-- masked for every view; purged with the claim's personal data when the program's retention ends.
alter table claim
    add column contact_email        varchar(600),
    add column contact_phone        varchar(300),
    add column contact_email_masked varchar(320),
    add column contact_phone_masked varchar(32),
    add column contact_language     varchar(2) not null default 'ko' check (contact_language in ('ko', 'en'));

create table claim_notice (
    id               uuid         primary key default gen_random_uuid(),
    claim_id         uuid         not null references claim (id),
    seq              bigint       generated always as identity,
    event            varchar(16)  not null check (event in ('filed', 'approved', 'rejected', 'paid', 'payment_failed')),
    amount           bigint,          -- approved or paid, in won
    reason           varchar(2000),   -- a rejection's or a failed transfer's reason
    created_at       timestamptz  not null default now(),
    state            varchar(16)  not null default 'queued'
                     check (state in ('queued', 'sending', 'sent', 'kept', 'uncertain', 'failed')),
    code             bigint       unique,  -- 60 random bits, drawn when a worker first takes the notice
    text             text,                 -- exactly as sent (rendered once, at first take)
    language         varchar(2),
    channel          varchar(16),
    recipient_masked varchar(320),
    attempt          integer      not null default 0,
    lease_until      timestamptz,
    next_attempt_at  timestamptz  not null default now(),
    handed_over      boolean      not null default false,
    sent_at          timestamptz,
    failure          varchar(500)
);
create index claim_notice_due_idx on claim_notice (next_attempt_at) where state in ('queued', 'sending');
create index claim_notice_claim_idx on claim_notice (claim_id, seq);

create function claim_notice_for_state() returns trigger language plpgsql as $$
declare
    what varchar(16);
begin
    if tg_op = 'INSERT' then
        what := case when new.state = 'approved' then 'approved' else 'filed' end;
    elsif new.state is distinct from old.state then
        what := case
            -- a decision on the amount: by rule, by the committee, when the budget was raised, or after an objection
            when new.state = 'approved' and old.state not in ('payment_failed', 'in_payment') then 'approved'
            when new.state = 'rejected' then 'rejected'
            when new.state = 'paid' then 'paid'
            when new.state = 'payment_failed' then 'payment_failed'
        end;
    end if;
    if what is not null then
        insert into claim_notice (claim_id, event, amount, reason, created_at)
        values (new.id, what,
                case what when 'approved' then new.approved_amount when 'paid' then new.paid_amount end,
                case what when 'rejected' then new.decision_reason when 'payment_failed' then new.last_payment_failure end,
                now());
    end if;
    return null;
end $$;
create trigger claim_notice_on_state after insert or update of state on claim
    for each row execute function claim_notice_for_state();
