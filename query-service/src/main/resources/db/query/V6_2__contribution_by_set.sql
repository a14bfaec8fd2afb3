-- A set's record lists its contributions in the order they were made (SetRecordQueries: by set, ordered by the
-- set's sequence). Without an index it read the whole table, the largest read model (thirty rows per meeting):
-- the index dropped in 6.1 was by meeting and served no query; this one serves the one that reads contributions.
create index contribution_by_set on contribution (set_id, set_sequence);
