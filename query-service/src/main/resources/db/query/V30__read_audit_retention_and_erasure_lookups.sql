-- The scheduled purge deletes read-audit rows older than the retention period by their time.
create index if not exists read_audit_by_read_at on read_audit (read_at);

-- Erasure (PersonErased) redacts a person's texts by person: without these each erasure read every row of the
-- largest read models. An erasure is rare, but it runs inside the projection's transaction, which meanwhile holds
-- every other event back.
create index if not exists contribution_by_person on contribution (person_id);
create index if not exists reflection_by_person on reflection (person_id);
create index if not exists challenge_by_presenter on challenge (presenter_id);
create index if not exists action_item_by_owner on action_item (owner_id);
create index if not exists learning_set_by_facilitator on learning_set (facilitator_id);
create index if not exists set_member_by_person on set_member (person_id);
