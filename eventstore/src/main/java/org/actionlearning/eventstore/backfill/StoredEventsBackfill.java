package org.actionlearning.eventstore.backfill;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, replays the stored events through the event handlers of every {@link BackfilledTable} that misses them,
 * oldest first, in one pass and one transaction for all the tables behind. A table may judge from another one (the due actions from the access scopes),
 * so the tables not filled are asked again after a pass: an old store gets every table at its first start.
 */
@Component
public class StoredEventsBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StoredEventsBackfill.class);

    private final ObjectProvider<BackfilledTable> tables;
    private final EventStore eventStore;
    private final TransactionTemplate transactions;

    StoredEventsBackfill(ObjectProvider<BackfilledTable> tables, EventStore eventStore,
                         PlatformTransactionManager transactionManager) {
        this.tables = tables;
        this.eventStore = eventStore;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        List<BackfilledTable> waiting = new ArrayList<>(tables.orderedStream().toList());
        List<BackfilledTable> behind = behind(waiting);
        while (!behind.isEmpty()) {
            fill(behind);
            waiting.removeAll(behind);
            behind = behind(waiting);
        }
    }

    private static List<BackfilledTable> behind(List<BackfilledTable> tables) {
        return tables.stream().filter(BackfilledTable::missesStoredEvents).toList();
    }

    private void fill(List<BackfilledTable> behind) {
        List<AnnotationEventHandlerAdapter> handlers = behind.stream().map(AnnotationEventHandlerAdapter::new).toList();
        transactions.executeWithoutResult(tx -> {
            int count = 0;
            try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
                while (events.hasNextAvailable()) {
                    TrackedEventMessage<?> event = events.nextAvailable();
                    for (AnnotationEventHandlerAdapter handler : handlers) {
                        if (handler.canHandle(event)) {
                            handler.handle(event);
                        }
                    }
                    count++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (Exception e) {
                throw new IllegalStateException("backfill of " + names(behind) + " failed", e);
            }
            log.info("{} filled from {} stored events", names(behind), count);
        });
    }

    private static List<String> names(List<BackfilledTable> tables) {
        return tables.stream().map(BackfilledTable::name).toList();
    }
}
