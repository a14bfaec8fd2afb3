-- A question or statement taken back during its meeting (ContributionRetracted): the row stays, marked, and its
-- counts are subtracted from the participation and activity counts.
alter table contribution add column retracted boolean not null default false;

-- A meeting thrown away while open (MeetingDiscarded): status DISCARDED, counted in no figure.
alter table meeting add column discarded_on date;

-- The console asks for a set's open meetings on every load.
create index meeting_open_by_set on meeting (set_id) where status = 'OPEN';
