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

-- Overlap between campaigns of one incident and service is read from campaign_grant (its primary key
-- leads with the subject); runs of overlapping campaigns never work at the same time (see RunStore),
-- so that read cannot race with the other campaign's writes.

-- Subjects of a chunk that another campaign had already compensated for the same incident and
-- service: skipped by an 'exclude' campaign, granted again by an 'allow' one; counted either way.
alter table run_chunk add column overlapping bigint not null default 0;
