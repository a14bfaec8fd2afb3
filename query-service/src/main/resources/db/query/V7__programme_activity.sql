-- A programme's activity counts (challenges presented, questions asked, statements made), added to by the projection
-- as each event arrives. The dashboard reads this one row instead of summing every member's counts of every meeting
-- of the programme (about 600 rows, one index probe per meeting).
create table programme_activity (
    programme_id uuid primary key,
    challenges   integer not null default 0,
    questions    integer not null default 0,
    statements   integer not null default 0
);

-- Read models projected before this table existed: the same counts from the rows they hold.
insert into programme_activity (programme_id, challenges, questions, statements)
select programme_id, sum(challenges), sum(questions), sum(statements)
from (select programme_id, count(*) as challenges, 0 as questions, 0 as statements
      from challenge group by programme_id
      union all
      select programme_id, 0, sum(questions), sum(statements)
      from member_participation group by programme_id) as counted
group by programme_id;

-- The dashboard reads a programme's meeting figures by programme: with this index, one scan for all of them (and a
-- hash join with the programme's meetings) instead of one primary-key probe per meeting.
create index meeting_figures_by_programme on meeting_figures (programme_id);
