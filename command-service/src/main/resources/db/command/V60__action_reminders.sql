-- The account's optional email address (V50 made it for set-password links) also takes reminders of due actions.
-- Personal data: the account's own user may set it (PUT /api/account/email); it is cleared when the person is erased.
alter table app_user add column if not exists email text;

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
