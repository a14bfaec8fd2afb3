-- One server, one database per service: the services never share tables.
create database als_commands;
create database als_queries;
