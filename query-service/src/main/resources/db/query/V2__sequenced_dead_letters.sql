-- Dead letters are kept per aggregate and in order: once an event of an aggregate cannot be projected, the
-- aggregate's later events are parked behind it, so a replay after a fix applies them in their original order
-- (applying them out of order would make the sequence guard skip the earlier one forever).
alter table dead_letter add column aggregate_id varchar(255);
alter table dead_letter add column sequence_number bigint;
create index dead_letter_by_aggregate on dead_letter (aggregate_id);
