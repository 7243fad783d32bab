-- Incidents and their timelines. Updates are never deleted: corrections point at what they
-- correct and retractions are marked, so the audit keeps what was said, when and by whom.

create table incident (
    id           uuid primary key,
    title        varchar(200)  not null,
    cause        varchar(2000),
    severity     varchar(16)   not null check (severity in ('critical', 'major', 'minor')),
    -- status and resolved_at are derived from the effective updates and kept here for listing
    status       varchar(16)   not null check (status in ('investigating', 'identified', 'monitoring', 'resolved')),
    started_at   timestamptz   not null,
    detected_at  timestamptz,
    resolved_at  timestamptz,
    reopen_count integer       not null default 0,
    revision     bigint        not null default 0,
    created_at   timestamptz   not null,
    created_by   varchar(200)  not null,
    constraint incident_detected_after_start check (detected_at is null or detected_at >= started_at)
);
create index incident_started_at_idx on incident (started_at desc, id);
create index incident_status_idx on incident (status, started_at desc);

create table affected_service (
    incident_id  uuid         not null references incident (id),
    service      varchar(64)  not null,
    display_name varchar(200),
    functions    text[]       not null default '{}',
    primary key (incident_id, service)
);

create table incident_update (
    id                 uuid primary key,
    incident_id        uuid          not null references incident (id),
    at                 timestamptz   not null,
    status             varchar(16)   not null check (status in ('investigating', 'identified', 'monitoring', 'resolved')),
    message            varchar(4000),
    recorded_at        timestamptz   not null,
    recorded_by        varchar(200)  not null,
    corrects_update_id uuid references incident_update (id),
    correction_reason  varchar(1000),
    superseded_by      uuid references incident_update (id),
    retracted_at       timestamptz,
    retracted_by       varchar(200),
    retraction_reason  varchar(1000)
);
create index incident_update_incident_at_idx on incident_update (incident_id, at, recorded_at);

create sequence update_state_seq increment by 50;
create table update_state (
    id          bigint primary key,
    update_id   uuid        not null references incident_update (id),
    incident_id uuid        not null references incident (id),
    position    integer     not null,
    service     varchar(64) not null,
    function    varchar(64),
    platform    varchar(8)  not null check (platform in ('mobile', 'web', 'pc', 'all')),
    state       varchar(16) not null check (state in ('operational', 'degraded', 'partial_outage', 'major_outage')),
    unique (update_id, position)
);
create index update_state_incident_idx on update_state (incident_id);

create sequence audit_event_seq increment by 50;
create table audit_event (
    id          bigint primary key,
    incident_id uuid         not null references incident (id),
    occurred_at timestamptz  not null,
    principal   varchar(200) not null,
    action      varchar(32)  not null,
    subject_id  uuid,
    detail      varchar(8000)
);
create index audit_event_incident_idx on audit_event (incident_id, occurred_at);
