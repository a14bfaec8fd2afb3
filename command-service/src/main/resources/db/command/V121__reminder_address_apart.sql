-- Two addresses, two owners. app_user.email is the account's contact address, given by an administrator (where
-- set-password links are emailed); reminder_email is the member's own opt-in address for reminders of their due
-- actions (PUT /api/account/email), never shown to administrators. Until now both shared app_user.email, and which
-- of the two a stored value is cannot be told: for accounts that are a person (the only ones with reminders) it
-- moves to reminder_email, so reminders keep going where they went and no administrator sees an address the member
-- may have given; an administrator can give such an account its contact address again (PATCH /api/users/{name}).
alter table app_user add column reminder_email text;
update app_user set reminder_email = email, email = null where person_id is not null and email is not null;
