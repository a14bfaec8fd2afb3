-- A set's due actions (its facilitator's reminders) are read by set; the meetings a person attended (their
-- "my participation" page) by person. A person's own actions use action_item_by_owner (V30).
create index if not exists action_item_by_set on action_item (set_id);
create index if not exists meeting_attendee_by_person on meeting_attendee (person_id);
