-- The fewer-than-3 rule by meeting: a sponsor's or an organisation's figures count the activity and the actions of
-- the meetings held with at least three attendees, and nothing else. A meeting's attendees are fixed when it opens,
-- so whether it counts never changes afterwards: a set that shrinks to two, or a pair that a third person joins
-- later, adds nothing about two people to any figure, before or after.
alter table meeting add column attendees integer not null default 0;
update meeting m set attendees = (select count(*) from meeting_attendee a where a.meeting_id = m.meeting_id);

-- Activity per meeting (challenges presented, questions asked, statements made), added to as events arrive: the
-- dashboard sums the rows of the meetings that count (and, as of a date, of those opened by then). It replaces the
-- programme-wide running total, which could not leave a meeting out.
create table meeting_activity (
    meeting_id   uuid primary key,
    programme_id uuid    not null,
    set_id       uuid    not null,
    challenges   integer not null default 0,
    questions    integer not null default 0,
    statements   integer not null default 0
);
create index meeting_activity_by_programme on meeting_activity (programme_id);

-- Read models projected before this table existed: the same counts from the rows they hold.
insert into meeting_activity (meeting_id, programme_id, set_id, challenges, questions, statements)
select meeting_id, min(programme_id::text)::uuid, min(set_id::text)::uuid, sum(challenges), sum(questions),
       sum(statements)
from (select meeting_id, programme_id, set_id, count(*) as challenges, 0 as questions, 0 as statements
      from challenge group by meeting_id, programme_id, set_id
      union all
      select meeting_id, programme_id, set_id, 0, sum(questions), sum(statements)
      from member_participation group by meeting_id, programme_id, set_id) as counted
group by meeting_id;

drop table programme_activity;
