-- Who holds each place of a set now, written with the events that change it (the access scopes' subscribing
-- processor): an administrator cannot give FACILITATOR:<set> or MEMBER:<set> back to someone who lost the place, for
-- instance with a list of grants read before the change.
create table set_facilitator_now (
    set_id         uuid primary key,
    facilitator_id uuid not null,
    -- the facilitator the set was formed with: an account without a person (the demo's) stands for them only
    formed_with    uuid not null
);

create table set_member_now (
    set_id    uuid not null,
    person_id uuid not null,
    primary key (set_id, person_id)
);
