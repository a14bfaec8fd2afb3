#!/usr/bin/env bash
# Runs once, on an empty data directory, after init.sql: the services' roles get their passwords from the Docker
# secrets. psql reads each file itself (\set with backquotes), so no password appears on a command line or in
# the SQL text.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<'SQL'
\set command_password `cat /run/secrets/command_db_password`
\set query_password `cat /run/secrets/query_db_password`
alter role als_command password :'command_password';
alter role als_query password :'query_password';
SQL
