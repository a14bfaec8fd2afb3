-- The fairness audit reads a set's presenters (challenge by set id): without this index it scanned every challenge.
-- Numbered 4.1 so that it sorts after any V4 added meanwhile on another branch.
create index challenge_by_set on challenge (set_id);
