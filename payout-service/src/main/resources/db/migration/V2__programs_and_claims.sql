-- Support programs are data: their window, services, assessment parameters and tiers are stored
-- with the program, so a new incident needs a new row, not new code.
create table program (
    id                uuid primary key,
    incident_id       uuid          not null,
    name              varchar(200)  not null,
    intake_opens_on   date          not null,
    intake_closes_on  date          not null,   -- inclusive: the whole day counts, in intake_zone
    intake_zone       varchar(64)   not null,
    services          text[]        not null,
    -- assessment parameters and tiers as JSON documents (see README, "Assessment")
    assessment        text          not null,
    tiers             text          not null,
    review_threshold  bigint        not null check (review_threshold > 0),
    review_evidence   text[]        not null default '{}',
    created_at        timestamptz   not null,
    created_by        varchar(200)  not null,
    constraint program_window_order check (intake_closes_on >= intake_opens_on)
);

create table claim (
    id                  uuid primary key,
    program_id          uuid          not null references program (id),
    business_number     char(10)      not null,
    business_name       varchar(200)  not null,
    category            varchar(64)   not null,
    service             varchar(64)   not null,
    reported_loss       bigint        not null check (reported_loss > 0),
    loss_basis          varchar(2000),
    bank_name           varchar(100)  not null,
    bank_account        varchar(64)   not null,
    account_holder      varchar(200)  not null,
    evidence            text          not null default '[]',
    state               varchar(32)   not null,
    impaired_seconds    bigint        not null,
    assessed_loss       bigint        not null check (assessed_loss >= 0),
    assessment_detail   text          not null,
    tier                integer,
    support_amount      bigint,
    missing_evidence    text[]        not null default '{}',
    filed_at            timestamptz   not null,
    filed_by            varchar(200)  not null,
    -- one claim per business, program and service: a second one is a 409 pointing at this one
    constraint claim_once_per_business unique (program_id, business_number, service)
);
create index claim_program_state_idx on claim (program_id, state);

-- Idempotency-Key records: the first request with a key stores its response; replays get it back.
create table idempotency_record (
    scope         varchar(64)   not null,
    principal     varchar(200)  not null,
    idem_key      varchar(200)  not null,
    request_hash  char(64)      not null,
    status        integer       not null,
    location      varchar(500),
    response_body text          not null,
    created_at    timestamptz   not null,
    primary key (scope, principal, idem_key)
);
