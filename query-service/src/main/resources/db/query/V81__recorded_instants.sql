-- Past views (docs/time-travel.md): each fact row keeps the instant its event was stored (the envelope's
-- occurredAt), beside the business date it already had, so that "as recorded by an instant" is a filter on these
-- rows instead of a replay of the topic. Rows projected before this migration have null here: recorded at an unknown
-- time, so they count in every view, as they do today; a rebuild fills them in.
alter table meeting add column opened_at timestamptz;
alter table challenge add column recorded_at timestamptz;
alter table contribution add column recorded_at timestamptz;
alter table action_item add column committed_at timestamptz;
alter table action_item add column completed_at timestamptz;
alter table action_item add column abandoned_at timestamptz;
alter table programme_cost add column recorded_at timestamptz;
alter table attribution_estimate add column recorded_at timestamptz;
-- The business date of an estimate: given by the command, else the day it was recorded (null for older rows).
alter table attribution_estimate add column estimated_on date;
alter table learning_set add column recorded_at timestamptz;
alter table set_member add column recorded_at timestamptz;
alter table set_member add column left_at timestamptz;

-- Every value an outcome point has had, by the instant it was recorded: a measurement recorded again for the same
-- date corrects the point, and a view recorded before the correction must still show the value it replaced.
-- outcome_point keeps the latest value for today's views. '-infinity' stands for "recorded before this table".
create table outcome_point_version (
    metric_id   uuid           not null,
    series      varchar(16)    not null,
    measured_on date           not null,
    recorded_at timestamptz    not null,
    value       numeric(19, 6) not null,
    primary key (metric_id, series, measured_on, recorded_at)
);
insert into outcome_point_version (metric_id, series, measured_on, recorded_at, value)
select metric_id, series, measured_on, '-infinity', value from outcome_point;
