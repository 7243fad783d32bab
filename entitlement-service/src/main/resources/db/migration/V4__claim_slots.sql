-- First-come claims without a single hot row (see ClaimSlots). A capped grant's cap is split across
-- slots; a claim takes one unit of one slot, so concurrent claimants lock different rows and commit
-- side by side instead of queueing on the campaign row's counter. Each slot hands out its own range
-- of grant numbers (first_no .. first_no + quota - 1), so every grant has a number from 1 to the cap,
-- none twice, and the sum of the slots' taken units is the exact count of claims made.
create table claim_slot (
    campaign_id uuid   not null references campaign (id),
    slot        int    not null,
    first_no    bigint not null,
    quota       bigint not null check (quota > 0),
    taken       bigint not null default 0,
    -- false once the campaign is withdrawn or rolled back: closing waits for the claims holding a
    -- slot, and every later claim finds the slots closed whatever it read before
    open        boolean not null default true,
    primary key (campaign_id, slot),
    check (taken between 0 and quota)
) with (fillfactor = 10); -- few rows, updated all the time: room on each page for their new versions, pruned early

-- The moment the last grant went: the claimed_at of the claim that took the cap's last unit. Set once;
-- claimants who come later are refused at once from this column, without touching the slots.
alter table campaign add column all_claimed_at timestamptz;

-- The claim's grant number, unique within the campaign. The foreign key to campaign goes: every claim
-- would take a KEY SHARE lock on the campaign row, and thousands of concurrent lockers of one row
-- make PostgreSQL build a multixact per new set of lockers. The slot row a claim takes (which does
-- reference the campaign) proves the campaign exists.
alter table campaign_claim add column grant_no bigint;
alter table campaign_claim drop constraint campaign_claim_campaign_id_fkey;
create unique index campaign_claim_grant_no_idx on campaign_claim (campaign_id, grant_no);

-- Campaigns already published with claims: their slots, with the claims already made counted in the
-- first slots, and numbers given to those claims in the order they were made.
insert into claim_slot (campaign_id, slot, first_no, quota, taken)
select c.id, s.slot, s.first_no, s.quota, greatest(0, least(s.quota, c.claims_made - (s.first_no - 1)))
from campaign c
cross join lateral (
    select g as slot,
           (c.claim_cap / n) * g + least(g, c.claim_cap % n) + 1 as first_no,
           c.claim_cap / n + case when g < c.claim_cap % n then 1 else 0 end as quota
    from (select least(c.claim_cap, 64)::int as n) k, generate_series(0, least(c.claim_cap, 64)::int - 1) g
) s
where c.claim_cap is not null and c.state <> 'DRAFT';

update campaign_claim k set grant_no = n.no
from (select campaign_id, user_id, row_number() over (partition by campaign_id order by claimed_at, user_id) as no
      from campaign_claim) n
where k.campaign_id = n.campaign_id and k.user_id = n.user_id;

update campaign c set all_claimed_at = (select max(claimed_at) from campaign_claim k where k.campaign_id = c.id)
where c.claim_cap is not null and c.claims_made >= c.claim_cap;

alter table campaign drop column claims_made;
