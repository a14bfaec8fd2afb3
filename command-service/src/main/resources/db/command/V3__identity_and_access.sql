-- Users of the built-in identity store (the embedded default; production may use an OIDC provider instead).
create table app_user (
    username      text primary key,
    password_hash text        not null, -- bcrypt
    person_id     uuid,                 -- the person this user is in the sets, if they take part in any
    created_at    timestamptz not null default now(),
    created_by    text        not null
);

-- Scoped roles: ADMIN:<organisation or *>, SPONSOR:<programmeId>, FACILITATOR:<setId>, MEMBER:<setId>.
create table user_grant (
    username text not null references app_user (username) on delete cascade,
    role     text not null,
    scope    text not null,
    primary key (username, role, scope)
);

-- Where each aggregate sits (organisation, programme, set, owner), kept in the same transaction as the events
-- that create it, so a command can be authorised before it reaches its aggregate.
create table access_scope (
    id           uuid primary key,
    organisation text not null,
    programme_id uuid not null,
    set_id       uuid,
    owner_id     uuid
);
