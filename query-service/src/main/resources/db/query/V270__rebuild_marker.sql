-- A rebuild of the read models under way: written in the transaction that empties them, removed once the replay
-- has reached the end offsets recorded here. A restart in the middle of a rebuild finds it and keeps saying
-- "rebuilding" (503 reads, readiness out of service) instead of answering from half-filled tables.
CREATE TABLE rebuild_marker (
    id          smallint PRIMARY KEY CHECK (id = 1),
    started_at  timestamptz NOT NULL,
    topic       text        NOT NULL,
    -- "partition:endOffset" pairs, comma separated: the topic's end offsets when the rebuild started
    end_offsets text        NOT NULL
);
