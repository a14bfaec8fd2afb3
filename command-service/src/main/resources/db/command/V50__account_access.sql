-- A disabled user cannot sign in, and the tokens issued to them are refused.
alter table app_user add column disabled_at timestamptz;
-- Where a set-password link is emailed, if the administrator gave an address (the identity store's only use of it).
alter table app_user add column email text;

-- One-time set-password links: only a SHA-256 digest of the token is kept; a link is used once, or expires.
create table set_password_link (
    token_digest text primary key,
    username     text        not null references app_user (username) on delete cascade,
    expires_at   timestamptz not null,
    used_at      timestamptz
);
create index set_password_link_username on set_password_link (username);
