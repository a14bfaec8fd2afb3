-- MemberJoined version 2 records the date a member joined (null for version-1 events).
alter table set_member add column joined_on date;
