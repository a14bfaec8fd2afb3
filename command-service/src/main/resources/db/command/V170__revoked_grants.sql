-- A grant taken from an account, and when. Tokens carry their grants: one issued before this instant still names
-- the grant, and both services disregard it there (a facilitator replaced, a grant removed by an administrator).
-- Given again, the row goes: the account holds the grant once more.
create table revoked_grant (
    username   text        not null references app_user (username) on delete cascade,
    role       text        not null,
    scope      text        not null,
    revoked_at timestamptz not null,
    primary key (username, role, scope)
);
