-- Every change to an entitlement must be traceable to its campaign, run and acting principal,
-- with the state before and after. Append-only: rows are never updated or deleted.
create sequence entitlement_audit_seq increment by 50;
create table entitlement_audit (
    id           bigint primary key,
    occurred_at  timestamptz  not null,
    principal    varchar(200) not null,
    action       varchar(64)  not null,
    subject_type varchar(32)  not null,
    subject_id   varchar(64)  not null,
    campaign_id  uuid,
    run_id       uuid,
    before_state jsonb,
    after_state  jsonb
);
create index entitlement_audit_subject_idx on entitlement_audit (subject_type, subject_id, occurred_at);
create index entitlement_audit_campaign_idx on entitlement_audit (campaign_id, occurred_at);
