-- The after-meeting pulse. A contribution holds one response's figures under a random id and names nobody; an
-- answer holds a person's own answers, sealed for them (only they can read it, and nobody once they are erased).
-- Nothing in either table ties a contribution to a person.
create table pulse_contribution (
    response_id uuid primary key,
    meeting_id uuid not null,
    set_id uuid not null,
    programme_id uuid not null,
    items smallint[] not null,
    usefulness smallint,
    confidence smallint,
    commitment smallint
);
create index pulse_contribution_by_set on pulse_contribution (set_id);
create index pulse_contribution_by_programme on pulse_contribution (programme_id);

create table pulse_answer (
    meeting_id uuid not null,
    person_id uuid not null,
    set_id uuid not null,
    programme_id uuid not null,
    answers text,
    primary key (meeting_id, person_id)
);
create index pulse_answer_by_person on pulse_answer (person_id);
