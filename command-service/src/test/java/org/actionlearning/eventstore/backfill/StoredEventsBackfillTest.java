package org.actionlearning.eventstore.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.command.support.Scenario;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The one backfill of the side tables (access scopes, due actions) from the event store: every table behind gets
 * every stored event, oldest first; a table that judges from another one is filled in the same run; a table that
 * is current gets nothing. Tables of the test's own, so that no shared table is emptied.
 */
class StoredEventsBackfillTest extends CommandServiceTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void everyTableBehindGetsTheStoredEventsInTheSameRun() {
        UUID programme = new Scenario(http).launchProgramme("Backfilled");
        long stored = storedEvents();
        Table scopes = new Table(() -> true);
        Table due = new Table(() -> !scopes.recorded.isEmpty());  // as due actions judge from the access scopes
        Table current = new Table(() -> false);
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("due", due);  // asked first: behind only once the scopes are filled
        tables.put("scopes", scopes);
        tables.put("current", current);

        new StoredEventsBackfill(new StaticListableBeanFactory(tables).getBeanProvider(BackfilledTable.class),
                eventStore, transactionManager).run(null);

        assertThat(scopes.recorded).hasSize((int) stored)
                .anyMatch(p -> p instanceof ProgrammeLaunched e && e.programmeId().equals(programme));
        assertThat(due.recorded).isEqualTo(scopes.recorded);
        assertThat(current.recorded).isEmpty();
    }

    private static final class Table implements BackfilledTable {

        private final BooleanSupplier behind;
        private final List<Object> recorded = new ArrayList<>();

        Table(BooleanSupplier behind) {
            this.behind = behind;
        }

        @Override
        public String name() {
            return "test table";
        }

        @Override
        public boolean missesStoredEvents() {
            return recorded.isEmpty() && behind.getAsBoolean();
        }

        @EventHandler
        void on(Object payload) {
            recorded.add(payload);
        }
    }
}
