-- Phases of a metric's run chart after the baseline: each starts a new centre line and limits on its date.
create table outcome_phase (
    metric_id uuid not null,
    starts_on date not null,
    primary key (metric_id, starts_on)
);
