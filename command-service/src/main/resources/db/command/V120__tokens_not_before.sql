-- Tokens (and page sessions) issued before this instant are refused, also after the user is enabled again: a disable
-- ends every credential given out before it, for good. Set at each disable; users disabled before this column
-- existed get their disable instant.
alter table app_user add column tokens_not_before timestamptz;
update app_user set tokens_not_before = disabled_at where disabled_at is not null;
