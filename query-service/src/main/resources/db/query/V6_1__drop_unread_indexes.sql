-- Two indexes that no query reads, dropped: each cost the projection an index entry per row written, and these are
-- its two busiest tables (thirty contributions and their counts per meeting). A contribution is read by set
-- (the set's record) or person (erasure), never by meeting; a member's counts by meeting, through the primary key.
-- Numbered 6.1 so that it sorts after a V6 added meanwhile on another branch.
drop index contribution_by_meeting;
drop index member_participation_by_set;
