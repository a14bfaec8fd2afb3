-- Personal data in events (names, free text) is sealed with a key per person (AES-256-GCM). Erasing a person
-- destroys their key ("crypto-shredding"): their values stay in the append-only event store, on the topic and in
-- backups, but nobody can read them any more. The row stays as a tombstone (key null) so that nothing new is
-- sealed for an erased person.
create table person_key (
    person_id  uuid primary key,
    key        bytea,
    created_at timestamptz not null default now(),
    erased_at  timestamptz,
    constraint person_key_or_erased check ((key is null) = (erased_at is not null))
);

-- The programmes a person has sealed data in, written with the event that brought it (same transaction):
-- erasure publishes PersonErased in each, so every programme's readers redact the person.
create table person_programme (
    person_id    uuid not null,
    programme_id uuid not null,
    primary key (person_id, programme_id)
);

-- Who committed each action: the follow-up texts (progress notes, evidence, reasons) are the owner's personal
-- data, sealed with the owner's key, but the follow-up requests only name the action.
create table action_owner (
    action_id uuid primary key,
    owner_id  uuid not null
);
