-- Read models of the query side. Every row is derived from events on the Kafka topic and can be rebuilt
-- from offset 0; nothing here is a source of truth.

create table programme (
    programme_id uuid primary key,
    organisation text        not null,
    name         text        not null,
    sponsor      text        not null,
    starts_on    date        not null,
    currency     char(3)     not null,
    closed_on    date
);

create table programme_cost (
    cost_id      uuid primary key,
    programme_id uuid           not null,
    category     varchar(32)    not null,
    amount       numeric(19, 4) not null,
    incurred_on  date           not null,
    note         text
);
create index programme_cost_by_programme on programme_cost (programme_id);

create table learning_set (
    set_id           uuid primary key,
    programme_id     uuid not null,
    name             text not null,
    facilitator_id   uuid not null,
    facilitator_name text not null
);
create index learning_set_by_programme on learning_set (programme_id);

-- Members ever in the set; "active" is false once they left (their past contributions stay counted).
create table set_member (
    set_id       uuid    not null,
    person_id    uuid    not null,
    programme_id uuid    not null,
    display_name text    not null,
    active       boolean not null,
    primary key (set_id, person_id)
);

create table meeting (
    meeting_id    uuid primary key,
    set_id        uuid        not null,
    programme_id  uuid        not null,
    scheduled_for date        not null,
    opened_on     date,
    closed_on     date,
    status        varchar(16) not null
);
create index meeting_by_set on meeting (set_id);
create index meeting_by_programme on meeting (programme_id);

create table meeting_attendee (
    meeting_id uuid not null,
    person_id  uuid not null,
    set_id     uuid not null,
    primary key (meeting_id, person_id)
);

create table challenge (
    challenge_id uuid primary key,
    meeting_id   uuid not null,
    set_id       uuid not null,
    programme_id uuid not null,
    presenter_id uuid not null,
    title        text not null,
    summary      text
);
create index challenge_by_meeting on challenge (meeting_id);

-- Each question and statement, with its (confidential) text: visible to the set only.
create table contribution (
    contribution_id uuid primary key,
    meeting_id      uuid        not null,
    set_id          uuid        not null,
    programme_id    uuid        not null,
    person_id       uuid        not null,
    kind            varchar(16) not null,   -- QUESTION or STATEMENT
    question_form   varchar(16),            -- OPEN or CLOSED for questions
    statement_kind  varchar(16),            -- ANSWER, ADVICE, REFLECTION, OTHER for statements
    challenge_id    uuid,
    text            text,
    seconds         integer
);
create index contribution_by_meeting on contribution (meeting_id);

-- Participation per member per meeting: the counts the fairness numbers are computed from.
create table member_participation (
    meeting_id     uuid    not null,
    person_id      uuid    not null,
    set_id         uuid    not null,
    programme_id   uuid    not null,
    questions      integer not null default 0,
    open_questions integer not null default 0,
    statements     integer not null default 0,
    advice         integer not null default 0,
    presented      integer not null default 0,
    primary key (meeting_id, person_id)
);
create index member_participation_by_set on member_participation (set_id);

create table reflection (
    reflection_id uuid primary key,
    meeting_id    uuid not null,
    set_id        uuid not null,
    person_id     uuid not null,
    text          text not null
);

create table action_item (
    action_id        uuid primary key,
    programme_id     uuid        not null,
    set_id           uuid        not null,
    meeting_id       uuid        not null,
    challenge_id     uuid        not null,
    owner_id         uuid        not null,
    description      text        not null,
    committed_on     date        not null,
    due_on           date        not null,
    status           varchar(16) not null,  -- OPEN, COMPLETED, ABANDONED
    completed_on     date,
    abandoned_on     date,
    percent_complete integer     not null default 0,
    evidence         text,
    abandon_reason   text
);
create index action_item_by_programme on action_item (programme_id);

create table outcome_metric (
    metric_id             uuid primary key,
    programme_id          uuid        not null,
    challenge_id          uuid,
    name                  text        not null,
    unit                  text        not null,
    direction             varchar(16) not null,
    period                varchar(16) not null,
    value_per_unit        numeric(19, 6),
    target_change_percent numeric(9, 4),
    target_within_days    integer
);
create index outcome_metric_by_programme on outcome_metric (programme_id);

create table outcome_point (
    metric_id   uuid           not null,
    series      varchar(16)    not null,   -- BASELINE or FOLLOW_UP
    measured_on date           not null,
    value       numeric(19, 6) not null,
    primary key (metric_id, series, measured_on)
);

create table attribution_estimate (
    estimate_id         uuid primary key,
    metric_id           uuid    not null,
    programme_id        uuid    not null,
    attribution_percent integer not null,
    confidence_percent  integer not null,
    estimated_by        uuid
);
create index attribution_estimate_by_metric on attribution_estimate (metric_id);

-- Projection bookkeeping, written in the same transaction as the read models it describes:
-- the next Kafka offset per partition, and the last event applied per aggregate (duplicates from the
-- at-least-once relay carry an aggregate sequence number already applied and are skipped).
create table consumer_offset (
    group_id    varchar(255) not null,
    topic       varchar(255) not null,
    partition   integer      not null,
    next_offset bigint       not null,
    primary key (group_id, topic, partition)
);

create table aggregate_position (
    aggregate_id  varchar(255) primary key,
    last_sequence bigint       not null
);

-- Records that could not be read as events: kept with the reason, projection goes on with the next one.
create table dead_letter (
    topic       varchar(255) not null,
    partition   integer      not null,
    record_offset bigint     not null,
    reason      text         not null,
    record_key  text,
    record_value bytea,
    received_at timestamptz  not null default now(),
    primary key (topic, partition, record_offset)
);
