-- Campaign lifecycle: a campaign is a draft until an operator publishes it, and leaves the public
-- registry only by being withdrawn (with a reason). The stored state is the lifecycle; what the API
-- shows (running, applied, partially rolled back) is derived from it and the campaign's runs.
alter table campaign drop constraint campaign_state_check;
update campaign set state = case when state = 'DEFINED' and published then 'PUBLISHED'
                                 when state = 'DEFINED' then 'DRAFT' else state end;
alter table campaign add constraint campaign_state_check
    check (state in ('DRAFT', 'PUBLISHED', 'ROLLING_BACK', 'ROLLED_BACK', 'WITHDRAWN'));

alter table campaign
    add column published_at     timestamptz,
    add column published_by     varchar(200),
    add column withdrawn_at     timestamptz,
    add column withdrawn_by     varchar(200),
    add column withdrawn_reason varchar(1000),
    add column updated_at       timestamptz,
    -- EXCLUDE: subjects another campaign of the same incident and service already compensated are
    -- skipped; ALLOW: a deliberate top-up, with its reason shown on the public registry
    add column overlap          varchar(8) not null default 'EXCLUDE' check (overlap in ('EXCLUDE', 'ALLOW')),
    add column overlap_reason   varchar(1000),
    -- what people call each service (Korean, English, common spellings): the verifier's vocabulary
    add column service_names    jsonb not null default '{}',
    add check (overlap = 'EXCLUDE' or overlap_reason is not null);
update campaign set published_at = created_at, published_by = created_by where state <> 'DRAFT';
alter table campaign drop column published;

-- Who compensated whom for what: one row per (incident, service, scope, subject), held by the first
-- campaign that granted it. Its primary key is what keeps two campaigns from compensating the same
-- subject for the same outage twice: a chunk inserts its coverage in the same statement as its grants,
-- and two concurrent chunks over one subject collide here (in REPEATABLE READ the loser fails with a
-- serialization error and its retry sees the winner), so the database decides, never a read-then-write.
create table compensation_coverage (
    incident_id uuid        not null,
    service     varchar(64) not null,
    scope       varchar(16) not null,
    subject_id  bigint      not null,
    campaign_id uuid        not null,
    primary key (incident_id, service, scope, subject_id)
);
create index compensation_coverage_campaign_idx on compensation_coverage (campaign_id, subject_id);

insert into compensation_coverage (incident_id, service, scope, subject_id, campaign_id)
select c.incident_id, svc, c.scope, g.subject_id, g.campaign_id
from campaign_grant g
join campaign c on c.id = g.campaign_id
cross join lateral jsonb_array_elements_text(c.services) svc
where g.rolled_back_at is null
order by g.granted_at
on conflict do nothing;

-- Subjects of a chunk that another campaign had already compensated for the same incident and
-- service: skipped by an 'exclude' campaign, granted again by an 'allow' one; counted either way.
alter table run_chunk add column overlapping bigint not null default 0;
