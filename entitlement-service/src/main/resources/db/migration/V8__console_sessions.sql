-- Console sign-ins kept on the server (suite-platform's ConsoleSessions). The browser's cookie holds
-- a random 256-bit id; only its SHA-256 is stored, so this table opens nothing by itself. A session
-- ends when revoked (sign-out), when unused for the idle timeout, or at expires_at (the absolute
-- timeout, never later than the token the person signed in with).
create table console_session (
    id_hash      bytea primary key,
    subject      text        not null,
    roles        text[]      not null,
    created_at   timestamptz not null,
    last_seen_at timestamptz not null,
    expires_at   timestamptz not null,
    revoked_at   timestamptz
);
create index console_session_expiry on console_session (expires_at);
