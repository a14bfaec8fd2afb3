-- Who recorded each event (docs/time-travel.md, "By whom"): one row per projected event whose envelope names its
-- recorder, written by the projection in the event's transaction (a redelivery inserts nothing) and emptied and
-- refilled by a rebuild. Readers find a read-model row's recorder by the programme and the instant the row keeps
-- (its recorded_at column), the event type telling apart two events stored at the same instant.
create table event_recorder (
    event_id           uuid primary key,
    programme_id       uuid         not null,
    event_type         varchar(64)  not null,
    recorded_at        timestamptz  not null,
    -- the account's username; null once the person the account is was erased
    recorded_by_user   varchar(255),
    recorded_by_person uuid,
    -- ADMIN, FACILITATOR, MEMBER or SYSTEM, as the envelope gives it
    recorded_by_role   varchar(32)
);
create index event_recorder_by_instant on event_recorder (programme_id, recorded_at);
create index event_recorder_by_person on event_recorder (recorded_by_person) where recorded_by_person is not null;
