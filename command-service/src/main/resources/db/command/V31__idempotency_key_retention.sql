-- The scheduled purge deletes answers older than the retention period by their creation time.
create index if not exists idempotency_key_by_created_at on idempotency_key (created_at);
