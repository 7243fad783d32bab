-- A failed transfer no longer sends the claim back to 'approved' (the next batch would send the same
-- money to the same closed account): it waits in 'payment_failed' until its bank account is corrected.
alter table claim
    add column payment_failures     integer not null default 0,
    add column last_payment_failure varchar(500);

-- Claims that an earlier settlement returned to 'approved' after a failed transfer wait for a correction too.
update claim c set state = 'payment_failed', payment_failures = f.failures, last_payment_failure = f.reason
from (select claim_id, count(*) as failures, (array_agg(failure_reason order by settled_at desc))[1] as reason
      from payout_item where state = 'failed' group by claim_id) f
where c.id = f.claim_id and c.state = 'approved' and c.payout_batch_id is null;

-- Every change of a claim's bank account: who, when, why, and the old and new accounts masked (the
-- full numbers are never copied anywhere else). Never updated.
create table bank_account_change (
    id                  uuid primary key,
    claim_id            uuid         not null references claim (id),
    old_bank            varchar(100) not null,
    old_account_masked  varchar(64)  not null,
    new_bank            varchar(100) not null,
    new_account_masked  varchar(64)  not null,
    after_failures      integer      not null,
    reason              varchar(500),
    principal           varchar(200) not null,
    changed_at          timestamptz  not null
);
create index bank_account_change_claim_idx on bank_account_change (claim_id, changed_at);

-- The platforms through which the business lost sales (mobile, web, pc, or all): the assessment uses
-- the impaired time of the cited service on those platforms only. Claims filed before had no choice.
alter table claim add column platforms text[] not null default '{all}';
