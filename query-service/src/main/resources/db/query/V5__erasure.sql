-- Erasure. Names and texts arrive sealed (see SealedText); once a person is erased (PersonErased) their values are
-- set to null here too, so a read model never keeps even their ciphertext. Counts and ids stay: statistics remain.
alter table learning_set alter column facilitator_name drop not null;
alter table set_member alter column display_name drop not null;
alter table challenge alter column title drop not null;
alter table reflection alter column text drop not null;
alter table action_item alter column description drop not null;

-- Who was erased and when: readers show these people as erased rather than unknown.
create table erased_person (
    person_id uuid primary key,
    erased_on date not null
);

-- The order things were said in a meeting (the set's event sequence number), for the set's own record.
alter table challenge add column set_sequence bigint;
alter table contribution add column set_sequence bigint;
alter table reflection add column set_sequence bigint;
