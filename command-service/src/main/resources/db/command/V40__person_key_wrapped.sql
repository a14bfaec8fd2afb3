-- Person keys are stored wrapped (envelope encryption): AES-256-GCM under a master key from the configuration,
-- which the database never sees. kek_id names the master key that wrapped the row (a digest of it), so that a new
-- master key can rewrap the rows at start while the old one still opens them. A row with a key and no kek_id is
-- a key stored in plain by an earlier version: the service wraps it at start.
alter table person_key add column kek_id text;

alter table person_key add constraint person_key_erased_has_no_kek check (key is not null or kek_id is null);
