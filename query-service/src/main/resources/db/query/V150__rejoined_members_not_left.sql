-- A member who left a set and joined it again kept the instant of their leaving, so the dashboard's member count
-- (as of any date after it) left them out although they are active. The projection now clears it on joining again;
-- this clears it in rows projected before.
update set_member set left_at = null where active and left_at is not null;
