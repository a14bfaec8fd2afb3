package org.actionlearning.command.access;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event store written before the scope directory existed gets its directory once, from its own events; from
 * then on the subscribing handler keeps it.
 */
@Component
class ScopeDirectoryBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ScopeDirectoryBackfill.class);

    private final ScopeDirectory directory;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    ScopeDirectoryBackfill(ScopeDirectory directory, EventStore eventStore, JdbcTemplate jdbc,
                           TransactionTemplate transactions) {
        this.directory = directory;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean empty = Boolean.TRUE.equals(jdbc.queryForObject(
                "select not exists (select 1 from access_scope) and exists (select 1 from domainevententry)",
                Boolean.class));
        if (!empty) {
            return;
        }
        transactions.executeWithoutResult(tx -> {
            int count = 0;
            try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
                while (events.hasNextAvailable()) {
                    Object payload = events.nextAvailable().getPayload();
                    count++;
                    directory.record(payload);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            log.info("Access scopes filled from {} stored events", count);
        });
    }
}
