-- Answers to commands sent with an Idempotency-Key header: a retry gets the stored answer, not a second event.
create table idempotency_key (
    idempotency_key varchar(255) primary key,
    fingerprint     char(64)     not null,
    status          integer,
    content_type    varchar(255),
    location        varchar(2048),
    body            bytea,
    created_at      timestamptz  not null default now()
);
