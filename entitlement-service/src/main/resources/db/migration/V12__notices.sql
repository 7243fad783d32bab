-- One notice per person and campaign, written by the run in the same statement as the grant, so a
-- person who was given something is told exactly once and nobody is told of what they were not given.
-- The text is not stored: it is the campaign's announcement (fixed at publish) and a last line with
-- this notice's code (see NoticeText), so it can be written again word for word whenever someone
-- asks the verifier whether a message is one of ours, at 48 million rows without a copy of the text each.
--   QUEUED     written with the grant, nothing sent
--   SENDING    a worker took it (committed before the channel is asked), leased until not_before
--   SENT       the channel took it
--   KEPT       the person has no reachable channel: shown in their own view
--   UNCERTAIN  a worker died while an e-mail was with the SMTP server: never sent again (an e-mail
--              cannot be taken back or deduplicated), so it may or may not have arrived
--   FAILED     the channel refused it for good
--   CANCELLED  the campaign was rolled back or withdrawn before it was sent
-- 60 random bits from the server's strong random source (the last eight bytes of a version 4 UUID:
-- 62 random bits, the top two being the variant's): one expression, so PostgreSQL inlines it
create function notice_code() returns bigint language sql volatile parallel safe as $$
    select (('x' || encode(substring(uuid_send(gen_random_uuid()) from 9 for 8), 'hex'))::bit(64)::bigint)
           & 1152921504606846975
$$;

-- The code as printed (NoticeCode.printed): twelve characters of Crockford's base 32, XXXX-XXXX-XXXX,
-- for the person's own view, which PostgreSQL assembles in one query
create function notice_code_text(code bigint) returns text language sql immutable parallel safe as $$
    select string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((code >> (5 * (11 - i))) & 31)::int + 1, 1)
                      || case when i in (3, 7) then '-' else '' end, '' order by i)
    from generate_series(0, 11) i
$$;

create table notice (
    campaign_id      uuid        not null,
    subject_id       bigint      not null,
    user_id          varchar(64) not null,
    run_id           uuid        not null,
    -- 60 random bits (NoticeCode prints them as XXXX-XXXX-XXXX), drawn when a worker first takes the
    -- notice, not by the run: a random key's index insert costs the run as much as the rest of the
    -- notice (docs/benchmarks.md); a clash fails the claim's transaction, which draws again
    code             bigint      unique check (code between 0 and 1152921504606846975),
    state            varchar(10) not null default 'QUEUED'
        check (state in ('QUEUED', 'SENDING', 'SENT', 'KEPT', 'UNCERTAIN', 'FAILED', 'CANCELLED')),
    channel          varchar(8) check (channel in ('EMAIL', 'MESSAGE')),
    language         char(2) check (language in ('ko', 'en')),
    recipient_masked varchar(200),
    attempts         int         not null default 0,
    -- set just before an attempt gives the notice to its channel: an attempt that ends without an
    -- answer after this may have been delivered
    handed_at        timestamptz,
    not_before       timestamptz not null,
    created_at       timestamptz not null,
    sent_at          timestamptz,
    last_error       varchar(1000),
    primary key (campaign_id, subject_id)
);
create index notice_due_idx on notice (not_before) where state in ('QUEUED', 'SENDING');
create index notice_user_idx on notice (user_id);

-- How to reach a person: personal data, so encrypted (ContactVault: AES-GCM bound to the account) with
-- a masked copy for views and the notices sent, and purged when its retention ends. A sent notice
-- keeps its masked recipient, never the address.
create table account_contact (
    user_id      varchar(64) primary key,
    email_sealed text,
    email_masked varchar(200),
    phone_sealed text,
    phone_masked varchar(32),
    updated_at   timestamptz not null,
    purge_after  timestamptz not null,
    check (email_sealed is not null or phone_sealed is not null)
);
create index account_contact_purge_idx on account_contact (purge_after);
