-- The two-person rule (suite-platform's Approvals): what a maker asked for, frozen as the approver saw
-- it, who decided and when, and when it was used. Both principals stay here for the audit.
create table approval_request (
    id           uuid primary key,
    action       varchar(60)   not null,
    subject      varchar(100)  not null,
    summary      jsonb         not null,
    fingerprint  varchar(128)  not null,
    state        varchar(10)   not null check (state in ('PENDING', 'APPROVED', 'REJECTED', 'VOIDED', 'USED')),
    requested_by varchar(200)  not null,
    requested_at timestamptz   not null,
    expires_at   timestamptz   not null,
    decided_by   varchar(200),
    decided_at   timestamptz,
    reason       varchar(1000),
    used_at      timestamptz,
    used_key     varchar(200),
    check (decided_by is null or decided_by <> requested_by)
);
create index approval_request_recent_idx on approval_request (requested_at desc);
create index approval_request_subject_idx on approval_request (subject, action);
