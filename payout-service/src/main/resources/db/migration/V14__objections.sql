-- Objections (이의신청): after a decision (a rejection, or an amount decided by rule or by the
-- committee) the filer may object once, within the program's objection period. The committee decides
-- with four eyes; a higher amount is paid as an additional transfer, never clawed back.

alter table program add column objection_days integer not null default 30
    check (objection_days between 1 and 365);

-- What the bank has paid of a claim so far: a claim whose approved amount rises after a payment is
-- paid the difference, as a second part, in a later batch.
alter table claim add column paid_amount bigint not null default 0 check (paid_amount >= 0);
update claim c set paid_amount = p.amount
from (select claim_id, sum(amount) as amount from payout_item where state = 'paid' group by claim_id) p
where c.id = p.claim_id;

-- Part 1 is the first payment of a claim, part 2 the additional one after an objection: each is paid
-- at most once, whatever the batches say.
alter table payout_item add column part smallint not null default 1 check (part in (1, 2));
drop index payout_item_paid_once;
create unique index payout_item_paid_once on payout_item (claim_id, part) where state = 'paid';

create table claim_objection (
    claim_id               uuid          primary key references claim (id),  -- once per claim
    objected_state         varchar(32)   not null,   -- the claim's state when it was filed
    amount_before          bigint        not null check (amount_before >= 0),  -- 0 for a rejection
    decided_at             timestamptz   not null,   -- the decision objected to
    reason                 varchar(2000) not null,
    documents              text          not null default '[]',
    filed_by               varchar(200)  not null,
    filed_at               timestamptz   not null,
    state                  varchar(16)   not null check (state in ('filed', 'recommended', 'decided')),
    recommended_outcome    varchar(16)   check (recommended_outcome in ('decision_upheld', 'amended')),
    recommended_amount     bigint,
    recommended_by         varchar(200),
    recommendation_reason  varchar(2000),
    outcome                varchar(16)   check (outcome in ('decision_upheld', 'amended')),
    outcome_amount         bigint,
    decided_by             varchar(200),
    outcome_reason         varchar(2000),
    outcome_at             timestamptz
);
create index claim_objection_open_idx on claim_objection (filed_at) where state <> 'decided';
