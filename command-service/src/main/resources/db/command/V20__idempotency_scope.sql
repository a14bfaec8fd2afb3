-- An Idempotency-Key belongs to the caller who sent it: another caller using the same key has a key of their own,
-- so they can neither replay nor probe (422) nor squat someone else's. The fingerprint of the request becomes an
-- HMAC with a key from configuration, so that whoever reads this table cannot test guesses of a request against it.
-- The answers stored so far were kept under global keys with plain SHA-256 fingerprints: they are dropped (a retry
-- of a request sent before the upgrade is handled afresh).
delete from idempotency_key;
alter table idempotency_key add column caller text not null;
alter table idempotency_key drop constraint idempotency_key_pkey;
alter table idempotency_key add primary key (caller, idempotency_key);
