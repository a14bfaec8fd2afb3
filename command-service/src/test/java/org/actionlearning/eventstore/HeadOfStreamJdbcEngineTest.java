package org.actionlearning.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.actionlearning.command.programme.ProgrammeCommands.LaunchProgramme;
import org.actionlearning.command.support.CommandServiceTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine on the real event store: how many reads a stream makes (counted); that a read which cannot find anything
 * is skipped, yet an event stored by another engine is read once the recheck is due; and that an event behind a gap
 * wider than a batch is read then too (on a clock the test moves). Batches of 2 here, so a few events span several.
 * The service's own engine stands for another process: the gateway's commands append through it, not this one.
 */
class HeadOfStreamJdbcEngineTest extends CommandServiceTest {

    private static final int BATCH = 2;
    private static final Duration RECHECK = Duration.ofSeconds(1);

    @Autowired
    CommandGateway gateway;
    @Autowired
    ConnectionProvider connectionProvider;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    Serializer serializer;
    @Autowired
    PlatformTransactionManager platformTransactionManager;

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    private HeadOfStreamJdbcEngine engine;

    @BeforeEach
    void engine() {
        engine = countingReads(BATCH);
    }

    /** An engine on the test's clock that counts its reads of either kind of stream (not its looks past a gap). */
    private HeadOfStreamJdbcEngine countingReads(int batch) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .eventSerializer(eventSerializer).snapshotSerializer(serializer)
                .connectionProvider(connectionProvider).batchSize(batch);
        return new HeadOfStreamJdbcEngine(builder, transactionManager, RECHECK, nanos::get) {
            @Override
            protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
                reads.incrementAndGet();
                return super.fetchTrackedEvents(lastToken, batchSize);
            }

            @Override
            List<? extends TrackedEventData<?>> readHead(TrackingToken lastToken, int batchSize) {
                reads.incrementAndGet();
                return super.readHead(lastToken, batchSize);
            }
        };
    }

    @Test
    void aStreamThatMayBlockEndsWithItsFirstShortBatchAndOneThatMayNotWithAnEmptyOne() {
        TrackingToken head = engine.createHeadToken();
        List<String> launched = launch(5);

        reads.set(0);
        assertThat(aggregates(engine.readEvents(head, true).toList())).isEqualTo(launched);
        assertThat(reads.get()).as("reads of 2, 2 and 1 events").isEqualTo(3);

        reads.set(0);
        assertThat(aggregates(engine.readEvents(head, false).toList())).isEqualTo(launched);
        assertThat(reads.get()).as("Axon's reads of 2, 2, 1 and 0 events").isEqualTo(4);
    }

    @Test
    void aReadThatCannotFindAnythingIsSkippedUntilAnAppendHereCommitsOrTheRecheckIsDue() {
        TrackingToken head = engine.createHeadToken();
        assertThat(engine.readEvents(head, true).toList()).as("due at the start: read, and looked past").isEmpty();
        String appended = appendHere(engine);
        reads.set(0);
        assertThat(aggregates(engine.readEvents(head, true).toList())).containsExactly(appended);
        TrackingToken after = engine.createHeadToken();

        assertThat(engine.readEvents(after, true).toList()).isEmpty();
        assertThat(reads.get()).as("no commit here since the short read: no second read").isEqualTo(1);

        String second = appendHere(engine);
        assertThat(aggregates(engine.readEvents(after, true).toList())).containsExactly(second);
        assertThat(reads.get()).isEqualTo(2);

        TrackingToken afterSecond = engine.createHeadToken();
        List<String> elsewhere = launch(1); // through the service's engine: another process, for this one
        assertThat(engine.readEvents(afterSecond, true).toList()).as("not due yet").isEmpty();
        nanos.addAndGet(RECHECK.toNanos());
        assertThat(aggregates(engine.readEvents(afterSecond, true).toList())).isEqualTo(elsewhere);
    }

    @Test
    void anAppendWhoseUnitOfWorkHasNotEndedIsNeverSkipped() {
        TrackingToken head = engine.createHeadToken();
        assertThat(engine.readEvents(head, true).toList()).as("due at the start: read, and looked past").isEmpty();
        assertThat(engine.readEvents(head, true).toList()).as("skipped: nothing committed here").isEmpty();
        // stored (no transaction around it here) but its unit of work not yet past its commit callbacks, as when
        // Axon wakes the store's reader before this engine's own callback has counted the commit
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            String appended = appendHere(engine);
            reads.set(0);
            assertThat(aggregates(engine.readEvents(head, true).toList())).containsExactly(appended);
            assertThat(reads.get()).isEqualTo(1);
        } finally {
            unitOfWork.commit();
        }
        assertThat(engine.readEvents(head, true).toList()).as("the commit, counted: read").hasSize(1);
        assertThat(engine.readEvents(head, true).toList()).as("nothing committed since: skipped").isEmpty();
    }

    @Test
    void anAppendInAnOuterTransactionCountsWhenThatTransactionCommits() {
        TrackingToken head = engine.createHeadToken();
        assertThat(engine.readEvents(head, true).toList()).as("due at the start: read, and looked past").isEmpty();
        // as a command with an idempotency key: Axon's unit of work ends before the outer transaction commits
        String appended = new TransactionTemplate(platformTransactionManager).execute(status -> {
            String id = appendHere(engine);
            assertThat(CompletableFuture.supplyAsync(() -> engine.readEvents(head, true).toList()).join())
                    .as("read meanwhile by the producer's thread: not committed yet").isEmpty();
            return id;
        });
        assertThat(aggregates(engine.readEvents(head, true).toList())).as("read once committed")
                .containsExactly(appended);
    }

    @Test
    void aShortReadWithAPositionRolledBackInItsWindowIsFollowedByAnother() {
        HeadOfStreamJdbcEngine fours = countingReads(4);
        TrackingToken head = fours.createHeadToken();
        assertThat(fours.readEvents(head, true).toList()).as("due at the start: read, and looked past").isEmpty();
        String first = appendHere(fours);
        // from the first event's position, with no gap behind it (other tests leave positions rolled back)
        long firstIndex = fours.readEvents(head, false).filter(e -> aggregate(e).equals(first)).findFirst()
                .map(e -> ((GapAwareTrackingToken) e.trackingToken()).getIndex()).orElseThrow();
        TrackingToken atFirst = GapAwareTrackingToken.newInstance(firstIndex, List.of());
        jdbc.queryForObject("select nextval('domainevententry_globalindex_seq')", Long.class); // as if rolled back
        List<String> more = List.of(appendHere(fours), appendHere(fours), appendHere(fours), appendHere(fours));

        // the window of 4 after the first event: the rolled-back position and 3 events, the last at its end
        List<? extends TrackedEventMessage<?>> three = fours.readEvents(atFirst, true).toList();
        assertThat(aggregates(three)).isEqualTo(more.subList(0, 3));
        assertThat(aggregates(fours.readEvents(three.get(2).trackingToken(), true).toList()))
                .as("not skipped: the read ended at the end of its window")
                .containsExactly(more.get(3));
    }

    @Test
    void anEventBehindAGapWiderThanABatchIsReadOnceTheRecheckIsDue() {
        TrackingToken head = engine.createHeadToken();
        assertThat(engine.readEvents(head, true).toList()).as("nothing yet; this empty read looked past").isEmpty();
        // positions no event keeps, as rolled-back inserts leave them: far wider than a batch
        jdbc.queryForObject("select setval('domainevententry_globalindex_seq', "
                + "nextval('domainevententry_globalindex_seq') + 50)", Long.class);
        String appended = appendHere(engine);

        nanos.addAndGet(RECHECK.toNanos() / 2);
        reads.set(0);
        assertThat(engine.readEvents(head, true).toList()).as("the window of a batch ends in the gap").isEmpty();
        assertThat(reads.get()).as("read, as an append committed here").isEqualTo(1);

        nanos.addAndGet(RECHECK.toNanos() / 2);
        assertThat(aggregates(engine.readEvents(head, true).toList())).containsExactly(appended);
    }

    /** A programme's first event appended through this engine, outside a unit of work (committed on return). */
    private String appendHere(HeadOfStreamJdbcEngine engine) {
        UUID id = UUID.randomUUID();
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("Programme", id.toString(), 0,
                new ProgrammeLaunched(id, "Org", "Appended here", "Sponsor", LocalDate.of(2026, 1, 5), "GBP"))));
        return id.toString();
    }

    private List<String> launch(int programmes) {
        return java.util.stream.IntStream.range(0, programmes).mapToObj(i -> {
            UUID id = UUID.randomUUID();
            gateway.sendAndWait(new LaunchProgramme(id, "Org", "Head of stream " + i, "Sponsor",
                    LocalDate.of(2026, 1, 5), "GBP"));
            return id.toString();
        }).toList();
    }

    private static List<String> aggregates(List<? extends TrackedEventMessage<?>> events) {
        return events.stream().map(HeadOfStreamJdbcEngineTest::aggregate).toList();
    }

    private static String aggregate(TrackedEventMessage<?> event) {
        return ((DomainEventMessage<?>) event).getAggregateIdentifier();
    }
}
