-- Past views (docs/time-travel.md): "overdue" as of a date uses the due date in force on that date, so every
-- reschedule is kept with the day it counts from (a reschedule carries no business date: the UTC day it was
-- recorded) and its recorded instant. action_item keeps the latest due date for today's views, and the day and
-- instant of its latest reschedule, so that a view after it (today's) needs no look at the history.
create table action_due_change (
    action_id       uuid        not null,
    recorded_at     timestamptz not null,
    changed_on      date        not null,
    previous_due_on date,
    due_on          date        not null,
    primary key (action_id, recorded_at)
);
alter table action_item add column rescheduled_on date;
alter table action_item add column rescheduled_at timestamptz;

-- A reflection counts in a past view of the set's record if it was recorded by the view's instant.
alter table reflection add column recorded_at timestamptz;
