package org.actionlearning.projection;

import org.actionlearning.query.projection.EventLog;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.envelope.EventJson;
import org.actionlearning.events.learningset.MeetingClosed;
import org.actionlearning.events.personaldata.PersonErased;
import org.actionlearning.query.QueryServiceApplication;
import org.actionlearning.query.admin.ReadModelChecksum;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.TestIdentity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A poll written as two transactions side by side, its partitions split between them, leaves the same tables as the
 * same poll written in one: the projections keep no state one writer thread could see of the other's batch (a
 * meeting's figures are computed at the end of the batch that closed it, on that batch's thread).
 */
@SpringBootTest(classes = QueryServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {QueryServiceApplication.CONFIG_NAME, "als.security.jwt-secret=" + TestIdentity.JWT_SECRET,
                "als.projection.enabled=false"})
class ParallelWritersTest {

    private static final String DATABASE_URL = EmbeddedInfrastructure.newDatabase("parallel_writers");
    private static final String TOPIC = "parallel-writers";
    private static final int PARTITIONS = 6;
    /**
     * Programmes on each even and each odd partition: the even partitions' transaction is done with its events while
     * the odd partitions' one is still applying its own, so per-batch state shared between them would be cleared
     * under the longer one (it was, with the closed meetings in a field of the projection: this test failed).
     */
    private static final int PROGRAMMES_ON_EVEN = 2;
    private static final int PROGRAMMES_ON_ODD = 40;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.useDatabase(registry, DATABASE_URL);
        registry.add("als.projection.bootstrap-servers", EmbeddedInfrastructure::kafkaBootstrapServers);
    }

    @Autowired
    ProjectionBatch batch;
    @Autowired
    ReadModelReset reset;
    @Autowired
    ReadModelChecksum checksum;
    @Autowired
    org.jooq.DSLContext db;
    @Autowired
    ReadModelWrites writes;
    @Autowired
    List<Projection> projections;
    @Autowired
    ProjectionProperties properties;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    /**
     * A member that lost its partition without knowing (here: paused in the middle of its poll's transaction, after
     * it read the aggregates' positions) and the partition's new owner write the same poll. Before the fence both
     * committed, the stale one last, and the meeting's counts doubled (4 questions for the asker). Now the two
     * transactions take turns on the partition's offset row, and the second finds the offset moved and rolls back.
     */
    @Test
    void aStaleMembersPollCommittedLateDoesNotCountTwice() throws Exception {
        UUID programme = UUID.randomUUID();
        UUID set = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        UUID asker = UUID.randomUUID();
        EventLog log = EventLog.meeting(programme, set, meeting, UUID.randomUUID(), UUID.randomUUID(), asker,
                UUID.randomUUID());
        ProjectionBatch.ReadPoll poll = batch.read(EventLog.asPoll("fenced-" + UUID.randomUUID(), 0,
                log.envelopes()));
        java.util.concurrent.CountDownLatch paused = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<Projection> withPause = new ArrayList<>(projections);
        withPause.add(new Projection() {
            @Override
            public void register(ProjectionHandlers handlers) {
                handlers.on(org.actionlearning.events.learningset.QuestionAsked.class, (event, envelope) -> {
                    paused.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }

            @Override
            public List<org.jooq.Table<?>> tables() {
                return List.of();
            }
        });
        // on the API's pool and transactions: a member of its own, beside the projection's pool the bean uses
        ProjectionBatch staleMember = new ProjectionBatch(db, new ReadModelWrites(db), withPause, properties,
                new DeadLetters(db, properties));

        CompletableFuture<ProjectionBatch.Outcome> stale = CompletableFuture.supplyAsync(() ->
                transactions.execute(tx -> staleMember.apply(poll)));
        assertThat(paused.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        CompletableFuture<ProjectionBatch.Outcome> newOwner = CompletableFuture.supplyAsync(() -> batch.apply(poll));
        // the new owner either commits now (no fence) or waits for the stale member's lock
        long deadline = System.currentTimeMillis() + 5_000;
        while (!newOwner.isDone() && System.currentTimeMillis() < deadline
                && db.fetchCount(org.jooq.impl.DSL.table("pg_locks"), org.jooq.impl.DSL.field("granted").eq(false)) == 0) {
            Thread.sleep(20);
        }
        release.countDown();

        int committed = 0;
        List<Throwable> fenced = new ArrayList<>();
        for (CompletableFuture<ProjectionBatch.Outcome> member : List.of(stale, newOwner)) {
            try {
                member.get(30, java.util.concurrent.TimeUnit.SECONDS);
                committed++;
            } catch (java.util.concurrent.ExecutionException e) {
                fenced.add(e.getCause());
            }
        }
        assertThat(committed).isEqualTo(1);
        assertThat(fenced).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("fenced"));
        var counts = db.selectFrom(org.actionlearning.query.jooq.Tables.MEMBER_PARTICIPATION)
                .where(org.actionlearning.query.jooq.Tables.MEMBER_PARTICIPATION.MEETING_ID.eq(meeting)
                        .and(org.actionlearning.query.jooq.Tables.MEMBER_PARTICIPATION.PERSON_ID.eq(asker)))
                .fetchOne();
        assertThat(counts.getQuestions()).isEqualTo(2);
        assertThat(counts.getOpenQuestions()).isEqualTo(1);
    }

    @Autowired
    javax.sql.DataSource apiDataSource;

    /**
     * Every connection of the API's pool held (slow reports, a slow call inside API transactions): the projection
     * still writes its poll, on its own pool. On one shared pool it waited for a connection and failed.
     */
    @Test
    void theProjectionWritesWhileTheApisPoolIsExhausted() throws Exception {
        int size = ((com.zaxxer.hikari.HikariDataSource) apiDataSource).getMaximumPoolSize();
        List<java.sql.Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                held.add(apiDataSource.getConnection());
            }
            EventLog log = closedMeeting(UUID.randomUUID());
            ProjectionBatch.ReadPoll poll = batch.read(EventLog.asPoll("own-pool-" + UUID.randomUUID(), 0,
                    log.envelopes()));

            ProjectionBatch.Outcome outcome = CompletableFuture.supplyAsync(() -> batch.apply(poll))
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(outcome.applied()).hasSize(log.envelopes().size());
        } finally {
            for (java.sql.Connection connection : held) {
                connection.close();
            }
        }
    }

    /** The new owner committed the poll first: the stale member's same poll, written afterwards, is refused. */
    @Test
    void aPollBehindTheStoredOffsetIsRefused() {
        EventLog log = closedMeeting(UUID.randomUUID());
        ProjectionBatch.ReadPoll poll = batch.read(EventLog.asPoll("fenced-" + UUID.randomUUID(), 0,
                log.envelopes()));
        batch.apply(poll);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> batch.apply(poll))
                .hasMessageContaining("was projected up to offset " + log.envelopes().size()
                        + " by another member while this poll from offset 0 was in flight");
    }

    @Test
    void aPollWrittenAsTwoTransactionsSideBySideLeavesTheTablesOneTransactionLeaves() throws Exception {
        ProjectionBatch.ReadPoll poll = batch.read(poll());

        reset.resetAll();
        batch.apply(poll);
        Map<String, String> oneTransaction = checksum.byTable();

        reset.resetAll();
        List<ProjectionBatch.ReadPoll> parts = batch.transactions(poll, 2);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).reads()).allMatch(read -> read.record().partition() % 2 == 0);
        assertThat(parts.get(1).reads()).allMatch(read -> read.record().partition() % 2 == 1);
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<ProjectionBatch.Outcome>> writing = parts.stream()
                .map(part -> CompletableFuture.supplyAsync(() -> {
                    await(together);
                    return batch.apply(part);
                })).toList();
        int applied = 0;
        for (CompletableFuture<ProjectionBatch.Outcome> transaction : writing) {
            applied += transaction.get().applied().size();
        }

        assertThat(applied).isEqualTo(poll.reads().size());
        assertThat(oneTransaction.get("meeting_figures")).endsWith(":" + PARTITIONS / 2 * (PROGRAMMES_ON_EVEN + PROGRAMMES_ON_ODD));
        assertThat(oneTransaction.get("member_participation")).doesNotStartWith("empty");
        assertThat(checksum.byTable()).isEqualTo(oneTransaction);
    }

    /**
     * A person erased in two programmes on partitions of either group: the erasure of each redacts the person in
     * every programme, so two transactions side by side would write the same rows. The poll is one transaction.
     */
    @Test
    void aPollHoldingAnErasureIsWrittenInOneTransaction() {
        reset.resetAll(); // the poll starts at offset 0, which another test's polls may have stored past
        UUID person = UUID.randomUUID();
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> records = new HashMap<>();
        for (int partition = 0; partition < 2; partition++) {
            EventLog log = closedMeeting(person);
            UUID programme = log.envelopes().get(0).programmeId();
            log.append("Programme", programme, new PersonErased(programme, person, LocalDate.of(2026, 3, 1)));
            records.put(new TopicPartition(TOPIC, partition), onPartition(partition, List.of(log)));
        }
        ProjectionBatch.ReadPoll poll = batch.read(new ConsumerRecords<>(records));

        assertThat(poll.byPartition(2)).hasSize(2);
        List<ProjectionBatch.ReadPoll> transactions = batch.transactions(poll, 2);
        assertThat(transactions).hasSize(1);
        assertThat(batch.apply(transactions.get(0)).applied()).hasSize(poll.reads().size());
    }

    /** The partitions a poll holds are dealt out in turn, whichever they are (e.g. an instance's 0, 2 and 4). */
    @Test
    void aPollsPartitionsAreDealtOutInTurn() {
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> records = new HashMap<>();
        for (int partition : List.of(0, 2, 4)) {
            records.put(new TopicPartition(TOPIC, partition), onPartition(partition,
                    List.of(closedMeeting(UUID.randomUUID()))));
        }
        List<ProjectionBatch.ReadPoll> parts = batch.read(new ConsumerRecords<>(records)).byPartition(2);

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).reads()).extracting(read -> read.record().partition()).containsOnly(0, 4);
        assertThat(parts.get(1).reads()).extracting(read -> read.record().partition()).containsOnly(2);
    }

    /** Programmes on six partitions (few on the even ones), each with a set's meeting that closes in the poll. */
    private static ConsumerRecords<String, byte[]> poll() {
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> records = new HashMap<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            List<EventLog> programmes = new ArrayList<>();
            for (int programme = 0; programme < (partition % 2 == 0 ? PROGRAMMES_ON_EVEN : PROGRAMMES_ON_ODD);
                 programme++) {
                programmes.add(closedMeeting(UUID.randomUUID()));
            }
            records.put(new TopicPartition(TOPIC, partition), onPartition(partition, programmes));
        }
        return new ConsumerRecords<>(records);
    }

    /** The programmes' events as records of one partition, from offset 0. */
    private static List<ConsumerRecord<String, byte[]>> onPartition(int partition, List<EventLog> programmes) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long offset = 0;
        for (EventLog programme : programmes) {
            for (EventEnvelope envelope : programme.envelopes()) {
                records.add(new ConsumerRecord<>(TOPIC, partition, offset++, envelope.programmeId().toString(),
                        EventJson.toBytes(envelope)));
            }
        }
        return records;
    }

    /**
     * A programme with a set whose meeting has a challenge, two questions, advice, and closes; {@code presenter}
     * presents the challenge.
     */
    private static EventLog closedMeeting(UUID presenter) {
        UUID programme = UUID.randomUUID();
        UUID set = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        EventLog log = EventLog.meeting(programme, set, meeting, UUID.randomUUID(), presenter, UUID.randomUUID(),
                UUID.randomUUID());
        log.append("LearningSet", set, new MeetingClosed(set, programme, meeting, LocalDate.of(2026, 2, 2)));
        return log;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
