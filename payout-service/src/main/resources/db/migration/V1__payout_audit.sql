-- Every decision on a claim and every payout is traceable to the acting principal. Append-only.
create sequence payout_audit_seq increment by 50;
create table payout_audit (
    id           bigint primary key,
    occurred_at  timestamptz  not null,
    principal    varchar(200) not null,
    action       varchar(64)  not null,
    subject_type varchar(32)  not null,
    subject_id   varchar(64)  not null,
    detail       jsonb
);
create index payout_audit_subject_idx on payout_audit (subject_type, subject_id, occurred_at);
