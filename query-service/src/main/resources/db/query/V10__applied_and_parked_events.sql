-- The projection tells a duplicate from a lost event by its id, not by its sequence alone: a record whose sequence
-- is below its aggregate's next expected one is skipped only if its event id was applied. One row per applied event,
-- written in the poll's multi-row insert; it is looked up only for such records (rare), by its primary key.
create table applied_event (
    event_id        uuid primary key,
    aggregate_id    varchar(255) not null,
    sequence_number bigint       not null
);

-- Events that arrived past a gap in their aggregate's sequence: they wait here, in the poll's transaction, until the
-- missing sequence arrives, then are applied in order and removed. Not dead letters: nothing is wrong with them.
create table parked_event (
    aggregate_id    varchar(255) not null,
    sequence_number bigint       not null,
    event_id        uuid         not null,
    topic           varchar(255) not null,
    partition       integer      not null,
    record_offset   bigint       not null,
    record_key      text,
    record_value    bytea        not null,
    parked_at       timestamptz  not null default now(),
    primary key (aggregate_id, sequence_number)
);

-- A dead letter of a record below its aggregate's next expected sequence with an unknown event id does not hold back
-- the aggregate's later events (they are not behind it): only dead letters that block park the aggregate.
alter table dead_letter add column blocks_aggregate boolean not null default true;
