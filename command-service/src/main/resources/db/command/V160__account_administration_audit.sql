-- Who gave whom a way into an account, and when: every set-password link issued and every password set with one
-- (or by an administrator when creating the account). Kept apart from the change audit of the domain's events:
-- accounts are no aggregate. No foreign key: the record outlives the account.
create table account_audit (
    id             bigserial primary key,
    username       text        not null, -- the account acted on
    action         text        not null check (action in ('LINK_ISSUED', 'PASSWORD_SET_WITH_LINK',
                                                          'PASSWORD_SET_AT_CREATION', 'PASSWORD_CHANGED_BY_SELF')),
    done_by        text        not null, -- who issued the link (also for a password set with it) or set the password
    link_issued_at timestamptz,          -- for a password set with a link: when that link was issued
    at             timestamptz not null default now()
);
create index account_audit_username on account_audit (username, at);

-- Who issued each link, so that a password set with it is told to its user with the issuer's name.
alter table set_password_link add column issued_by text;
alter table set_password_link add column issued_at timestamptz not null default now();
