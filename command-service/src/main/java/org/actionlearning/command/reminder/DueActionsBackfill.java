package org.actionlearning.command.reminder;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event store with actions committed before the due-action table existed gets the table once, from its own
 * events; from then on the subscribing handler keeps it. A store whose actions are all closed is read again at each
 * start (the table stays empty): a rare case, and the result is the same.
 */
@Component
class DueActionsBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DueActionsBackfill.class);

    private final DueActions dueActions;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    DueActionsBackfill(DueActions dueActions, EventStore eventStore, JdbcTemplate jdbc,
                       TransactionTemplate transactions) {
        this.dueActions = dueActions;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        // access_scope knows every action (with its owner) from the moment it was committed
        boolean empty = Boolean.TRUE.equals(jdbc.queryForObject(
                "select not exists (select 1 from due_action) "
                        + "and exists (select 1 from access_scope where owner_id is not null)", Boolean.class));
        if (!empty) {
            return;
        }
        transactions.executeWithoutResult(tx -> {
            int count = 0;
            try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
                while (events.hasNextAvailable()) {
                    dueActions.record(events.nextAvailable().getPayload());
                    count++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            log.info("Due actions filled from {} stored events", count);
        });
    }
}
