-- One server, one database and one role per service: the services never share tables, and neither is the
-- superuser. The query service's role cannot connect to the command database at all, so it can never read
-- person_key (the keys that open personal data) or the event store; it asks the command service instead.
-- The roles' passwords are set from the Docker secrets by roles.sh, which runs after this file.

create role als_command login;
create role als_query login;

-- each role owns its database (Flyway creates the tables as that role; PostgreSQL 15+ lets a database's owner
-- create in its public schema)
create database als_commands owner als_command;
create database als_queries owner als_query;

-- no one connects to a database but its service (and the superuser, for backups and upgrades)
revoke connect, temporary on database als_commands from public;
revoke connect, temporary on database als_queries from public;
grant connect, temporary on database als_commands to als_command;
grant connect, temporary on database als_queries to als_query;
