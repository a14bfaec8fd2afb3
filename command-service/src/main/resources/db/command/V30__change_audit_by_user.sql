-- The change audit (/api/audit/changes?user=) filtered on the user named in each event's metadata: PostgreSQL parsed
-- the metadata of every event to find them (a sequential scan). An index on that user, newest first within a user,
-- answers it with an index scan. convert_from is only STABLE (it depends on the conversion settings), so the
-- expression is wrapped in a function declared IMMUTABLE: the metadata is always UTF-8 JSON written by Jackson.
create function als_event_user(metadata bytea) returns text
    language sql immutable strict parallel safe
    as $$ select convert_from(metadata, 'UTF8')::jsonb ->> 'user' $$;

-- "if not exists": on a large event store an operator may build it beforehand without blocking appends, with
-- create index concurrently domainevententry_by_user on domainevententry (als_event_user(metadata), globalindex);
create index if not exists domainevententry_by_user on domainevententry (als_event_user(metadata), globalindex);

-- Each change names its organisation through access_scope, joined on the aggregate's id as text: without an index
-- on that text every change listed read the whole of access_scope.
create index if not exists access_scope_by_text_id on access_scope ((id::text));
