-- Who read confidential detail (a set's fairness audit or record): kept for the organisation's administrators.
-- Not derived from events, so a rebuild leaves it alone.
create table read_audit (
    id           bigserial primary key,
    read_at      timestamptz not null,
    username     text        not null,
    resource     text        not null,
    set_id       uuid        not null,
    programme_id uuid        not null
);
create index read_audit_by_set on read_audit (set_id, read_at desc);
create index read_audit_by_user on read_audit (username, read_at desc);
