-- An optional email address on a user account, for reminders of their due actions. Personal data: it is set by the
-- account's own user (PUT /api/account/email) and cleared when the account's person is erased.
alter table app_user add column email text;

-- The open actions and their due dates, kept in the transaction of the action's events (as access_scope is), so
-- the reminder job can find what is due without replaying events. A closed action's row is deleted.
create table due_action (
    action_id    uuid primary key,
    owner_id     uuid not null,
    committed_on date not null,
    due_on       date not null
);
create index due_action_by_due_on on due_action (due_on);
create index due_action_by_owner on due_action (owner_id);

-- One row per reminder email sent: at most one per action per day. The row is inserted in the transaction that
-- sends the email and commits after it, so a second instance's insert waits on it and then finds it there.
create table action_reminder_sent (
    action_id uuid not null,
    sent_on   date not null,
    primary key (action_id, sent_on)
);
