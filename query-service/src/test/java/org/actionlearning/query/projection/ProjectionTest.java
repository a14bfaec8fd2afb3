package org.actionlearning.query.projection;

import org.actionlearning.projection.Projection;
import org.actionlearning.projection.ProjectionBatch;
import org.actionlearning.projection.ProjectionDb;
import static org.actionlearning.query.jooq.Tables.AGGREGATE_POSITION;
import static org.actionlearning.query.jooq.Tables.CONTRIBUTION;
import static org.actionlearning.query.jooq.Tables.DEAD_LETTER;
import static org.actionlearning.query.jooq.Tables.EVENT_RECORDER;
import static org.actionlearning.query.jooq.Tables.PROGRAMME;
import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.PROGRAMME_COST;
import static org.actionlearning.query.jooq.Tables.MEETING_ACTIVITY;
import static org.actionlearning.query.jooq.Tables.MEETING_FIGURES;
import static org.actionlearning.query.jooq.Tables.MEMBER_PARTICIPATION;
import static org.actionlearning.query.jooq.Tables.SET_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.envelope.EventJson;
import org.actionlearning.events.envelope.Recorder;
import org.actionlearning.events.learningset.MeetingClosed;
import org.actionlearning.events.learningset.MemberJoined;
import org.actionlearning.events.learningset.QuestionAsked;
import org.actionlearning.events.learningset.SetFormed;
import org.actionlearning.events.programme.CostCategory;
import org.actionlearning.events.programme.ProgrammeCostRecorded;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.actionlearning.projection.ProjectionConsumer;
import org.actionlearning.query.QueryServiceApplication;
import org.actionlearning.query.admin.ReadModelChecksum;
import org.actionlearning.query.jooq.tables.records.MeetingFiguresRecord;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestIdentity;
import org.actionlearning.testsupport.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projection consumer on a real Kafka topic and PostgreSQL: duplicates from the at-least-once relay and a
 * batch delivered twice leave the read models unchanged, an unreadable record is set aside, and a rebuild
 * from offset 0 gives the same tables as incremental projection.
 */
@SpringBootTest(classes = QueryServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {QueryServiceApplication.CONFIG_NAME, "als.security.jwt-secret=" + TestIdentity.JWT_SECRET})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectionTest {

    private static final String TOPIC = "als.events.projection-test";
    private static final String DATABASE_URL = EmbeddedInfrastructure.newDatabase("projection");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.useDatabase(registry, DATABASE_URL);
        registry.add("als.projection.bootstrap-servers", EmbeddedInfrastructure::kafkaBootstrapServers);
        registry.add("als.projection.topic", () -> TOPIC);
        registry.add("als.projection.health.parked-warning-after", () -> "1s");
    }

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;
    @Autowired
    ProjectionBatch batch;
    @Autowired
    ReadModelChecksum checksum;
    /** Projection transactions, rolled back by the tests that apply polls directly; read inside with {@link #inTx}. */
    @Autowired
    @ProjectionDb
    TransactionTemplate transactions;
    @Autowired
    @ProjectionDb
    DSLContext inTx;
    @Autowired
    List<Projection> projections;
    @Autowired
    MeterRegistry registry;
    @Autowired
    ProjectionConsumer consumer;

    private final UUID programmeId = UUID.randomUUID();
    private final UUID setId = UUID.randomUUID();
    private final UUID meetingId = UUID.randomUUID();
    private final UUID challengeId = UUID.randomUUID();
    private final UUID presenter = UUID.randomUUID();
    private final UUID asker = UUID.randomUUID();
    private final UUID speaker = UUID.randomUUID();

    /** A meeting: one open and one closed question by the asker, one piece of advice by the speaker. */
    private EventLog meeting(UUID programme, UUID set) {
        return EventLog.meeting(programme, set, meetingId, challengeId, presenter, asker, speaker);
    }

    @Test
    void duplicatesFromTheRelayAndUnreadableRecordsDoNotChangeTheCounts() {
        EventLog log = meeting(programmeId, setId);
        List<EventEnvelope> envelopes = log.envelopes();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            envelopes.forEach(e -> send(producer, e.programmeId().toString(), EventJson.toBytes(e)));
            send(producer, programmeId.toString(), "{not an event".getBytes(StandardCharsets.UTF_8));
            // the relay retried its last batch: the last three events again, same ids and sequences
            envelopes.subList(envelopes.size() - 3, envelopes.size())
                    .forEach(e -> send(producer, e.programmeId().toString(), EventJson.toBytes(e)));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> db.fetchCount(DEAD_LETTER, DEAD_LETTER.RECORD_KEY.eq(programmeId.toString())) == 1
                && db.fetchCount(CONTRIBUTION, CONTRIBUTION.MEETING_ID.eq(meetingId)) == 3);
        // duplicates arrive after the poison record; give the consumer time to reach them
        await().atMost(Duration.ofSeconds(10)).until(() -> projectedUpToEnd());

        assertThat(participation(asker)).containsEntry("questions", 2).containsEntry("open_questions", 1)
                .containsEntry("statements", 0).containsEntry("advice", 0);
        assertThat(participation(speaker)).containsEntry("questions", 0).containsEntry("statements", 1)
                .containsEntry("advice", 1);
        assertThat(participation(presenter)).containsEntry("presented", 1).containsEntry("questions", 0);
        // the meeting's activity: one challenge, two questions, one statement, the retried three not again
        assertThat(db.fetchOne(MEETING_ACTIVITY, MEETING_ACTIVITY.MEETING_ID.eq(meetingId)).intoMap())
                .containsEntry("challenges", 1).containsEntry("questions", 2).containsEntry("statements", 1);
        assertThat(db.fetchOne(DEAD_LETTER, DEAD_LETTER.RECORD_KEY.eq(programmeId.toString())).getReason())
                .contains("not an event envelope");
    }

    @Test
    void anUnreadableEventParksItsAggregateUntilTheDeadLettersAreReplayedAfterAFix() {
        UUID programme = UUID.randomUUID();
        UUID set = UUID.randomUUID();
        EventLog log = new EventLog();
        log.append("LearningSet", set, new SetFormed(set, programme, "Parked set", UUID.randomUUID(), "Fran"));
        EventEnvelope joined = log.append("LearningSet", set, new MemberJoined(set, programme, asker, "Ann", null));
        log.append("LearningSet", set, new MemberJoined(set, programme, speaker, "Sam", null));
        // a version this reader does not know yet
        EventEnvelope fromTheFuture = withVersion(joined, 99, joined.payload());
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (EventEnvelope e : log.envelopes()) {
                send(producer, programme.toString(), EventJson.toBytes(e == joined ? fromTheFuture : e));
            }
        }

        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.fetchCount(DEAD_LETTER, DEAD_LETTER.AGGREGATE_ID.eq(set.toString())) == 2);
        assertThat(db.fetchCount(SET_MEMBER, SET_MEMBER.SET_ID.eq(set)))
                .as("the member after the unreadable one waits behind it").isZero();
        assertThat(db.selectFrom(DEAD_LETTER).where(DEAD_LETTER.AGGREGATE_ID.eq(set.toString()))
                .orderBy(DEAD_LETTER.SEQUENCE_NUMBER).fetch(DEAD_LETTER.REASON))
                .satisfiesExactly(r -> assertThat(r).contains("schema version 99"),
                        r -> assertThat(r).contains("parked behind"));
        assertThat(deadLetterTopicReasons()).anySatisfy(r -> assertThat(r).contains("schema version 99"));
        assertThat(registry.get("als.projection.dead.letters").counter().count()).isGreaterThanOrEqualTo(2.0);

        // the fix: a reader that understands the record (here: the record as the fixed reader would read it)
        db.update(DEAD_LETTER).set(DEAD_LETTER.RECORD_VALUE, EventJson.toBytes(joined))
                .where(DEAD_LETTER.AGGREGATE_ID.eq(set.toString()).and(DEAD_LETTER.SEQUENCE_NUMBER.eq(1L))).execute();
        HttpJson http = new HttpJson("http://localhost:" + port).withToken(TestTokens.token("operator", null, "ADMIN:*"));
        assertThat(http.post("/api/admin/dead-letters/replay", "").status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.fetchCount(DEAD_LETTER, DEAD_LETTER.AGGREGATE_ID.eq(set.toString())) == 0);
        assertThat(db.select(SET_MEMBER.DISPLAY_NAME).from(SET_MEMBER).where(SET_MEMBER.SET_ID.eq(set))
                .fetch(SET_MEMBER.DISPLAY_NAME)).containsExactlyInAnyOrder("Ann", "Sam");
        assertThat(http.get("/api/admin/dead-letters").body().path("lastReplay").path("applied").asInt())
                .isEqualTo(2);
    }

    /**
     * Events that reached the store by another way than the commands' checks, with values the read models cannot
     * store (a cost beyond numeric(19, 4), a date beyond PostgreSQL's years): each is dead-lettered with the
     * database's reason after its retries, its aggregate's later events behind it, and every other aggregate goes on.
     * After a fix, the replay applies them in order; a letter still unfixed stays without holding the others.
     */
    @Test
    void anEventTheReadModelsCannotStoreIsDeadLetteredAndTheRestGoesOn() {
        UUID poisoned = UUID.randomUUID();
        UUID set = UUID.randomUUID();
        UUID healthy = UUID.randomUUID();
        EventLog log = new EventLog();
        log.append("Programme", poisoned, new ProgrammeLaunched(poisoned, "Org", "Poisoned", "Sue",
                LocalDate.of(2026, 1, 5), "EUR"));
        UUID tooLargeCost = UUID.randomUUID();
        EventEnvelope tooLarge = log.append("Programme", poisoned, new ProgrammeCostRecorded(poisoned,
                tooLargeCost, CostCategory.VENUE, new java.math.BigDecimal("1E+400"), LocalDate.of(2026, 1, 6), null));
        log.append("Programme", poisoned, new ProgrammeCostRecorded(poisoned, UUID.randomUUID(), CostCategory.VENUE,
                new java.math.BigDecimal("100"), LocalDate.of(2026, 1, 7), null));
        log.append("LearningSet", set, new SetFormed(set, poisoned, "Far future", UUID.randomUUID(), "Fran"));
        log.append("LearningSet", set, new MemberJoined(set, poisoned, asker, "Ann", LocalDate.of(999_999_999, 12, 31)));
        log.append("LearningSet", set, new MemberJoined(set, poisoned, speaker, "Sam", null));
        EventLog other = new EventLog();
        other.append("Programme", healthy, new ProgrammeLaunched(healthy, "Org", "Healthy", "Sue",
                LocalDate.of(2026, 1, 5), "EUR"));
        other.append("Programme", healthy, new ProgrammeCostRecorded(healthy, UUID.randomUUID(), CostCategory.VENUE,
                new java.math.BigDecimal("250"), LocalDate.of(2026, 1, 6), null));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            log.envelopes().forEach(e -> send(producer, poisoned.toString(), EventJson.toBytes(e)));
            other.envelopes().forEach(e -> send(producer, healthy.toString(), EventJson.toBytes(e)));
        }

        await().atMost(Duration.ofSeconds(60)).until(() ->
                db.fetchCount(PROGRAMME_COST, PROGRAMME_COST.PROGRAMME_ID.eq(healthy)) == 1
                        && db.fetchCount(DEAD_LETTER, DEAD_LETTER.RECORD_KEY.eq(poisoned.toString())) == 4);
        assertThat(reasons(poisoned.toString())).satisfiesExactly(
                r -> assertThat(r).contains("22003").contains("numeric field overflow"),
                r -> assertThat(r).contains("parked behind"));
        assertThat(reasons(set.toString())).satisfiesExactly(
                r -> assertThat(r).contains("SQLSTATE 22"),
                r -> assertThat(r).contains("parked behind"));
        assertThat(db.fetchCount(LEARNING_SET, LEARNING_SET.SET_ID.eq(set))).as("before the poison: applied").isOne();
        assertThat(db.fetchCount(SET_MEMBER, SET_MEMBER.SET_ID.eq(set))).isZero();
        assertThat(db.fetchCount(PROGRAMME_COST, PROGRAMME_COST.PROGRAMME_ID.eq(poisoned))).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.pausedBy() == null && projectedUpToEnd());

        // the fix of the cost (here: the record as a fixed command side would have stored it); the date stays
        db.update(DEAD_LETTER).set(DEAD_LETTER.RECORD_VALUE, EventJson.toBytes(withPayload(tooLarge,
                        new ProgrammeCostRecorded(poisoned, tooLargeCost, CostCategory.VENUE,
                                new java.math.BigDecimal("1000"), LocalDate.of(2026, 1, 6), null))))
                .where(DEAD_LETTER.AGGREGATE_ID.eq(poisoned.toString()).and(DEAD_LETTER.SEQUENCE_NUMBER.eq(1L)))
                .execute();
        HttpJson http = new HttpJson("http://localhost:" + port).withToken(TestTokens.token("operator", null, "ADMIN:*"));
        assertThat(http.post("/api/admin/dead-letters/replay", "").status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.fetchCount(DEAD_LETTER, DEAD_LETTER.AGGREGATE_ID.eq(poisoned.toString())) == 0);
        assertThat(db.select(PROGRAMME_COST.AMOUNT).from(PROGRAMME_COST).where(PROGRAMME_COST.PROGRAMME_ID.eq(poisoned))
                .fetch(PROGRAMME_COST.AMOUNT)).map(java.math.BigDecimal::intValueExact)
                .containsExactlyInAnyOrder(1000, 100);
        assertThat(reasons(set.toString())).hasSize(2);
        assertThat(consumer.pausedBy()).isNull();
    }

    private List<String> reasons(String aggregateId) {
        return db.selectFrom(DEAD_LETTER).where(DEAD_LETTER.AGGREGATE_ID.eq(aggregateId))
                .orderBy(DEAD_LETTER.SEQUENCE_NUMBER).fetch(DEAD_LETTER.REASON);
    }

    private static EventEnvelope withPayload(EventEnvelope event, Object payload) {
        return new EventEnvelope(event.eventId(), event.eventType(), event.schemaVersion(), event.aggregateType(),
                event.aggregateId(), event.sequenceNumber(), event.occurredAt(), event.programmeId(),
                EventJson.mapper().valueToTree(payload));
    }

    /** Records published before the upgrade (version 1) and after it (version 2) both project. */
    @Test
    void versionOneAndVersionTwoMemberJoinedBothProject() {
        UUID programme = UUID.randomUUID();
        UUID set = UUID.randomUUID();
        EventLog log = new EventLog();
        log.append("LearningSet", set, new SetFormed(set, programme, "Evolving set", UUID.randomUUID(), "Fran"));
        EventEnvelope before = log.append("LearningSet", set, new MemberJoined(set, programme, asker, "Old", null));
        log.append("LearningSet", set, new MemberJoined(set, programme, speaker, "New", LocalDate.of(2026, 2, 1)));
        var v1Payload = ((com.fasterxml.jackson.databind.node.ObjectNode) before.payload().deepCopy());
        v1Payload.remove("joinedOn");
        EventEnvelope versionOne = withVersion(before, 1, v1Payload);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (EventEnvelope e : log.envelopes()) {
                send(producer, programme.toString(), EventJson.toBytes(e == before ? versionOne : e));
            }
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> db.fetchCount(SET_MEMBER, SET_MEMBER.SET_ID.eq(set)) == 2);
        assertThat(db.selectFrom(SET_MEMBER).where(SET_MEMBER.SET_ID.eq(set)).orderBy(SET_MEMBER.DISPLAY_NAME)
                .fetch(r -> r.getDisplayName() + "@" + r.getJoinedOn()))
                .containsExactly("New@2026-02-01", "Old@null");
        assertThat(db.fetchCount(DEAD_LETTER, DEAD_LETTER.AGGREGATE_ID.eq(set.toString()))).isZero();
    }

    /**
     * An aggregate's events on the topic in the order 0..7, 9, 8 (the relay published a later event first): the
     * question at 8 was skipped as "already applied" because 9 was; now 9 waits for 8, and both apply once, in order.
     * Then the whole meeting again, as a relay retry: all duplicates, nothing changes.
     */
    @Test
    void eventsOutOfOrderOnTheTopicAreAllAppliedOnceInTheirOrder() {
        UUID programme = UUID.randomUUID();
        UUID set = UUID.randomUUID();
        List<EventEnvelope> events = meeting(programme, set).envelopes();
        int last = events.size() - 1; // the statement, after the closed question
        List<EventEnvelope> swapped = new java.util.ArrayList<>(events);
        swapped.set(last - 1, events.get(last));
        swapped.set(last, events.get(last - 1));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            swapped.forEach(e -> send(producer, programme.toString(), EventJson.toBytes(e)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> lastSequence(set) == 9L);
        assertThat(db.fetchCount(org.actionlearning.query.jooq.Tables.PARKED_EVENT,
                org.actionlearning.query.jooq.Tables.PARKED_EVENT.AGGREGATE_ID.eq(set.toString()))).isZero();
        assertThat(participation(asker)).containsEntry("questions", 2).containsEntry("open_questions", 1);
        assertThat(participation(speaker)).containsEntry("advice", 1);

        double duplicatesBefore = counter("als.projection.duplicates");
        try (KafkaProducer<String, byte[]> producer = producer()) {
            events.forEach(e -> send(producer, programme.toString(), EventJson.toBytes(e)));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> counter("als.projection.duplicates") - duplicatesBefore == events.size());
        assertThat(participation(asker)).containsEntry("questions", 2).containsEntry("open_questions", 1);
        assertThat(participation(speaker)).containsEntry("advice", 1).containsEntry("statements", 1);
        assertThat(db.fetchCount(DEAD_LETTER, DEAD_LETTER.AGGREGATE_ID.eq(set.toString()))).isZero();
    }

    /**
     * A record whose sequence was passed but whose event id was never applied is not a duplicate: it is
     * dead-lettered (without holding the aggregate back), counted and logged; the true duplicate is skipped.
     */
    @Test
    void anOldSequenceWithAnUnknownEventIdIsDeadLetteredAndATrueDuplicateSkipped() {
        UUID programme = UUID.randomUUID();
        UUID set = UUID.randomUUID();
        EventLog log = new EventLog();
        log.append("LearningSet", set, new SetFormed(set, programme, "Set", UUID.randomUUID(), "Fran"));
        EventEnvelope ann = log.append("LearningSet", set, new MemberJoined(set, programme, asker, "Ann", null));
        EventEnvelope sam = log.append("LearningSet", set, new MemberJoined(set, programme, speaker, "Sam", null));
        EventEnvelope impostor = new EventEnvelope(UUID.randomUUID(), ann.eventType(), ann.schemaVersion(),
                ann.aggregateType(), ann.aggregateId(), ann.sequenceNumber(), ann.occurredAt(), ann.programmeId(),
                ((com.fasterxml.jackson.databind.node.ObjectNode) ann.payload().deepCopy()).put("displayName", "Eve"));
        double duplicatesBefore = counter("als.projection.duplicates");
        double outOfSequenceBefore = counter("als.projection.out.of.sequence");
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, programme.toString(), EventJson.toBytes(log.envelopes().get(0)));
            send(producer, programme.toString(), EventJson.toBytes(ann));
            send(producer, programme.toString(), EventJson.toBytes(impostor)); // sequence 1 again, another event
            send(producer, programme.toString(), EventJson.toBytes(ann));      // the relay's retry
            send(producer, programme.toString(), EventJson.toBytes(sam));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> lastSequence(set) == 2L);
        var letters = db.selectFrom(DEAD_LETTER).where(DEAD_LETTER.AGGREGATE_ID.eq(set.toString())).fetch();
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).getSequenceNumber()).isEqualTo(1L);
        assertThat(letters.get(0).getBlocksAggregate()).isFalse();
        assertThat(letters.get(0).getReason()).isEqualTo("sequence 1 of " + set
                + " is below the next expected 2, and its event " + impostor.eventId() + " was never applied");
        // counted once the consumer thread learns the poll committed
        await().atMost(Duration.ofSeconds(10)).until(() -> counter("als.projection.out.of.sequence")
                - outOfSequenceBefore == 1.0 && counter("als.projection.duplicates") - duplicatesBefore == 1.0);
        assertThat(db.select(SET_MEMBER.DISPLAY_NAME).from(SET_MEMBER).where(SET_MEMBER.SET_ID.eq(set))
                .fetch(SET_MEMBER.DISPLAY_NAME)).containsExactlyInAnyOrder("Ann", "Sam");
    }

    /**
     * An aggregate whose sequence 1 has not arrived: sequence 2 waits (counted in the gauge, the health component
     * WARNING once it has waited longer than the set second), and applies as soon as 1 arrives.
     */
    @Test
    void aGapParksTheAggregateWithAWarningUntilTheMissingEventArrives() {
        UUID programme = UUID.randomUUID();
        UUID set = UUID.randomUUID();
        EventLog log = new EventLog();
        log.append("LearningSet", set, new SetFormed(set, programme, "Set", UUID.randomUUID(), "Fran"));
        EventEnvelope ann = log.append("LearningSet", set, new MemberJoined(set, programme, asker, "Ann", null));
        log.append("LearningSet", set, new MemberJoined(set, programme, speaker, "Sam", null));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, programme.toString(), EventJson.toBytes(log.envelopes().get(0)));
            send(producer, programme.toString(), EventJson.toBytes(log.envelopes().get(2)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> db.fetchCount(org.actionlearning.query.jooq.Tables.PARKED_EVENT,
                org.actionlearning.query.jooq.Tables.PARKED_EVENT.AGGREGATE_ID.eq(set.toString())) == 1);
        assertThat(lastSequence(set)).isEqualTo(0L);
        assertThat(registry.get("als.projection.parked.aggregates").gauge().value()).isGreaterThanOrEqualTo(1.0);
        HttpJson http = new HttpJson("http://localhost:" + port).withToken(TestTokens.token("operator", null, "ADMIN:*"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "WARNING".equals(
                http.get("/actuator/health").body().path("components").path("parkedEvents").path("status").asText()));
        assertThat(http.get("/actuator/health").body().path("components").path("parkedEvents").path("details")
                .path("longestWaiting").toString()).contains(set + ": 1 event(s) from sequence 2");
        assertThat(http.get("/actuator/health/readiness").body().path("status").asText()).isEqualTo("UP");

        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, programme.toString(), EventJson.toBytes(ann));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> lastSequence(set) == 2L);
        assertThat(db.fetchCount(org.actionlearning.query.jooq.Tables.PARKED_EVENT,
                org.actionlearning.query.jooq.Tables.PARKED_EVENT.AGGREGATE_ID.eq(set.toString()))).isZero();
        assertThat(db.select(SET_MEMBER.DISPLAY_NAME).from(SET_MEMBER).where(SET_MEMBER.SET_ID.eq(set))
                .fetch(SET_MEMBER.DISPLAY_NAME)).containsExactlyInAnyOrder("Ann", "Sam");
    }

    private long lastSequence(UUID aggregate) {
        Long last = db.select(AGGREGATE_POSITION.LAST_SEQUENCE).from(AGGREGATE_POSITION)
                .where(AGGREGATE_POSITION.AGGREGATE_ID.eq(aggregate.toString())).fetchOne(AGGREGATE_POSITION.LAST_SEQUENCE);
        return last == null ? -1 : last;
    }

    private double counter(String name) {
        var found = registry.find(name).counter();
        return found == null ? 0 : found.count();
    }

    private List<String> deadLetterTopicReasons() {
        List<String> reasons = new java.util.ArrayList<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(Map.of(
                "bootstrap.servers", EmbeddedInfrastructure.kafkaBootstrapServers(),
                "group.id", "dlq-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC + ".dlq"));
            long deadline = System.currentTimeMillis() + 10_000;
            while (reasons.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> reasons.add(new String(
                        r.headers().lastHeader("x-dead-letter-reason").value(), StandardCharsets.UTF_8)));
            }
        }
        return reasons;
    }

    @Test
    void aBatchDeliveredTwiceLeavesTheReadModelsUnchanged() {
        EventLog log = meeting(UUID.randomUUID(), UUID.randomUUID());
        String topic = "direct-delivery-" + UUID.randomUUID();
        var poll = batch.read(EventLog.asPoll(topic, 0, log.envelopes()));
        // the relay published the same events again after them (it retried a batch it had sent)
        var republished = batch.read(EventLog.asPoll(topic, log.envelopes().size(), log.envelopes()));

        // in a transaction that is rolled back at the end, so the other tests see only the topic's events
        ReadModelChecksum inTxChecksum = new ReadModelChecksum(inTx, projections);
        transactions.executeWithoutResult(tx -> {
            ProjectionBatch.Outcome first = batch.apply(poll);
            Map<String, String> once = inTxChecksum.byTable();
            ProjectionBatch.Outcome again = batch.apply(republished);

            assertThat(first.applied()).hasSize(log.envelopes().size());
            assertThat(inTxChecksum.byTable()).isEqualTo(once);
            assertThat(again.applied()).isEmpty();
            assertThat(again.duplicates()).isEqualTo(log.envelopes().size());
            tx.setRollbackOnly();
        });
    }

    /**
     * What one poll stores for the next: each aggregate's last applied sequence, each partition's next offset, and
     * the aggregates parked behind a dead letter. The next poll reads all three back (in one query) and skips the
     * duplicate, parks the parked aggregate's later event and applies the rest.
     */
    @Test
    void aPollFindsThePositionsOffsetsAndParkedAggregatesThePreviousPollStored() {
        UUID programme = UUID.randomUUID();
        UUID parkedSet = UUID.randomUUID();
        UUID otherSet = UUID.randomUUID();
        EventLog log = new EventLog();
        EventEnvelope formed = log.append("LearningSet", parkedSet,
                new SetFormed(parkedSet, programme, "Parked", UUID.randomUUID(), "Fran"));
        EventEnvelope joined = log.append("LearningSet", parkedSet,
                new MemberJoined(parkedSet, programme, asker, "Ann", null));
        EventEnvelope unreadable = withVersion(joined, 99, joined.payload());
        EventEnvelope joinedLater = log.append("LearningSet", parkedSet,
                new MemberJoined(parkedSet, programme, speaker, "Sam", null));
        EventEnvelope otherFormed = log.append("LearningSet", otherSet,
                new SetFormed(otherSet, programme, "Other", UUID.randomUUID(), "Fran"));

        transactions.executeWithoutResult(tx -> {
            ProjectionBatch.Outcome first = batch.apply(batch.read(EventLog.asPoll(TOPIC + ".direct", 40,
                    List.of(formed, unreadable))));
            assertThat(first.applied()).extracting(EventEnvelope::eventId).containsExactly(formed.eventId());
            assertThat(first.deadLetters()).isEqualTo(1);
            assertThat(batch.storedOffsets(TOPIC + ".direct"))
                    .containsExactly(Map.entry(new TopicPartition(TOPIC + ".direct", 0), 42L));

            ProjectionBatch.Outcome next = batch.apply(batch.read(EventLog.asPoll(TOPIC + ".direct", 42,
                    List.of(formed, joinedLater, otherFormed))));
            assertThat(next.duplicates()).as("the set formed again, as the relay's retry sends it").isEqualTo(1);
            assertThat(next.deadLetters()).as("the later member of the parked set waits").isEqualTo(1);
            assertThat(next.applied()).extracting(EventEnvelope::eventId).containsExactly(otherFormed.eventId());
            assertThat(batch.storedOffsets(TOPIC + ".direct"))
                    .containsExactly(Map.entry(new TopicPartition(TOPIC + ".direct", 0), 45L));
            assertThat(inTx.select(AGGREGATE_POSITION.AGGREGATE_ID, AGGREGATE_POSITION.LAST_SEQUENCE)
                    .from(AGGREGATE_POSITION)
                    .where(AGGREGATE_POSITION.AGGREGATE_ID.in(parkedSet.toString(), otherSet.toString()))
                    .fetchMap(AGGREGATE_POSITION.AGGREGATE_ID, AGGREGATE_POSITION.LAST_SEQUENCE))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(parkedSet.toString(), 0L, otherSet.toString(), 0L));
            assertThat(inTx.fetchCount(SET_MEMBER, SET_MEMBER.SET_ID.eq(parkedSet))).isZero();
            tx.setRollbackOnly();
        });
    }

    /**
     * The meeting's contributions: presenter 0, asker 2 (one open question), speaker 1 (advice). Gini over 0, 2, 1 is
     * (2 × (2 + 1 + 1)) / (2 × 3² × 1) = 4/9; entropy over the shares 2/3 and 1/3 is
     * −(2/3 ln 2/3 + 1/3 ln 1/3) / ln 3; dominance 3 × 2/3 = 2; question focus 2 / (2 + 1); open questions 1 of 2.
     */
    @Test
    void aClosedMeetingsFiguresAreStoredFromItsCountsWhetherItClosesInTheSameBatchOrALaterOne() {
        for (boolean closeInLaterBatch : new boolean[] {false, true}) {
            UUID programme = UUID.randomUUID();
            UUID set = UUID.randomUUID();
            EventLog log = meeting(programme, set);
            int contributions = log.envelopes().size();
            log.append("LearningSet", set, new MeetingClosed(set, programme, meetingId, LocalDate.of(2026, 2, 2)));

            transactions.executeWithoutResult(tx -> {
                if (closeInLaterBatch) {
                    applyDirectly(0, log.envelopes().subList(0, contributions));
                    // still open: its counts may change, so no figures yet
                    assertThat(inTx.fetchCount(MEETING_FIGURES, MEETING_FIGURES.MEETING_ID.eq(meetingId))).isZero();
                    applyDirectly(contributions, log.envelopes().subList(contributions, contributions + 1));
                } else {
                    applyDirectly(0, log.envelopes());
                }

                MeetingFiguresRecord figures = inTx.fetchOne(MEETING_FIGURES, MEETING_FIGURES.MEETING_ID.eq(meetingId));
                assertThat(figures.getSetId()).isEqualTo(set);
                assertThat(figures.getProgrammeId()).isEqualTo(programme);
                assertThat(figures.getAttendees()).isEqualTo(3);
                assertThat(figures.getGini()).isCloseTo(4.0 / 9, within(1e-12));
                assertThat(figures.getNormalisedEntropy()).isCloseTo(
                        -(2.0 / 3 * Math.log(2.0 / 3) + 1.0 / 3 * Math.log(1.0 / 3)) / Math.log(3), within(1e-12));
                assertThat(figures.getDominance()).isCloseTo(2.0, within(1e-12));
                assertThat(figures.getQuestionFocus()).isCloseTo(2.0 / 3, within(1e-12));
                assertThat(figures.getOpenQuestionRatio()).isCloseTo(0.5, within(1e-12));
                tx.setRollbackOnly();
            });
        }
    }

    /**
     * First: a rebuild meets every record on the topic again, and the tests that fix a dead letter by rewriting it in
     * the table (as a fixed reader would read it) leave read models that a rebuild from the topic cannot reproduce.
     */
    @Test
    @Order(1)
    void aRebuildFromOffsetZeroGivesTheSameTablesAsIncrementalProjection() {
        UUID programme = UUID.randomUUID();
        UUID set = UUID.randomUUID();
        EventLog log = meeting(programme, set);
        log.append("LearningSet", set, new MeetingClosed(set, programme, meetingId, LocalDate.of(2026, 2, 2)));
        Recorder fran = new Recorder("fran.rebuilt", UUID.randomUUID(), Recorder.FACILITATOR);
        List<EventEnvelope> envelopes = log.envelopes();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            // the launch as the relay published it before envelopes named their recorder; the rest name her
            send(producer, programme.toString(), withoutRecorderField(envelopes.get(0)));
            envelopes.stream().skip(1).forEach(e -> send(producer, e.programmeId().toString(),
                    EventJson.toBytes(e.recordedBy(fran))));
        }
        await().atMost(Duration.ofSeconds(30)).until(this::projectedUpToEnd);
        Map<String, String> incremental = checksum.byTable();
        assertThat(incremental.get("member_participation")).doesNotStartWith("empty");
        assertThat(incremental.get("meeting_figures")).doesNotStartWith("empty");
        assertThat(db.fetchExists(PROGRAMME, PROGRAMME.PROGRAMME_ID.eq(programme))).as("the old envelope projected")
                .isTrue();
        List<String> recorders = recordersOf(programme);
        assertThat(recorders).hasSize(envelopes.size() - 1).containsOnly("fran.rebuilt FACILITATOR");

        HttpJson http = new HttpJson("http://localhost:" + port).withToken(TestTokens.token("operator", null, "ADMIN:*"));
        assertThat(http.post("/api/admin/rebuild", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "DONE".equals(http.get("/api/admin/rebuild").body().path("state").asText()));

        HttpJson.Response status = http.get("/api/admin/rebuild");
        assertThat(status.body().get("progress").asDouble()).isEqualTo(1.0);
        assertThat(status.body().get("recordsReplayed").asLong()).isEqualTo(status.body().get("recordsToReplay").asLong());
        // where its events came from: this topic, every partition from offset 0 to its end when it started
        assertThat(status.body().path("topic").asText()).isEqualTo(TOPIC);
        long fromSource = 0;
        for (JsonNode partition : status.body().path("source")) {
            assertThat(partition.path("fromOffset").asLong()).isZero();
            fromSource += partition.path("toOffset").asLong();
        }
        assertThat(status.body().path("source")).hasSize(3);
        assertThat(fromSource).isEqualTo(status.body().get("recordsToReplay").asLong());
        assertThat(checksum.byTable()).isEqualTo(incremental);
        assertThat(recordersOf(programme)).as("the recorders replayed").isEqualTo(recorders);

        // what an operator watches: projection lag per event, events by type, rebuild progress, consumer lag
        assertThat(registry.get("als.projection.lag").timer().count()).isGreaterThanOrEqualTo(2L * log.envelopes().size());
        assertThat(registry.get("als.projection.events").tag("type", "QuestionAsked").counter().count())
                .isGreaterThanOrEqualTo(4.0);
        assertThat(registry.get("als.projection.rebuild.progress").gauge().value()).isEqualTo(1.0);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> registry.get("als.projection.consumer.lag").gauge().value() == 0.0);
    }

    @Test
    void readinessIsTheReadDatabaseAndThePipelineGroupKafkaAndTheProjection() {
        var operator = new HttpJson("http://localhost:" + port).withToken(TestTokens.token("operator", null, "ADMIN:*"));
        var readiness = operator.get("/actuator/health/readiness").body();
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").has("kafka")).isFalse();
        assertThat(readiness.path("components").has("projection")).isFalse();
        var pipeline = operator.get("/actuator/health/pipeline").body();
        assertThat(pipeline.path("status").asText()).isEqualTo("UP");
        assertThat(pipeline.path("components").path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(pipeline.path("components").path("projection").path("status").asText()).isEqualTo("UP");
    }

    private boolean projectedUpToEnd() {
        Long stored = db.fetchOne("select coalesce(sum(next_offset), 0) from consumer_offset where topic = ?",
                TOPIC).get(0, Long.class);
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(Map.of(
                "bootstrap.servers", EmbeddedInfrastructure.kafkaBootstrapServers()),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(TOPIC, p.partition())).toList();
            long end = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
            return stored != null && stored == end;
        }
    }

    /** A poll delivered straight to the batch, as the consumer would hand it over, from {@code firstOffset}. */
    private void applyDirectly(long firstOffset, List<EventEnvelope> envelopes) {
        batch.apply(batch.read(EventLog.asPoll("direct-delivery", firstOffset, envelopes)));
    }

    private Map<String, Object> participation(UUID person) {
        Record row = db.selectFrom(MEMBER_PARTICIPATION).where(MEMBER_PARTICIPATION.MEETING_ID.eq(meetingId)
                .and(MEMBER_PARTICIPATION.PERSON_ID.eq(person))).fetchOne();
        return row == null ? Map.of() : row.intoMap();
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedInfrastructure.kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer());
    }

    /** The envelope's bytes as written before envelopes had a recordedBy field. */
    private static byte[] withoutRecorderField(EventEnvelope envelope) {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) EventJson.mapper().valueToTree(envelope);
        tree.remove("recordedBy");
        return tree.toString().getBytes(StandardCharsets.UTF_8);
    }

    private List<String> recordersOf(UUID programme) {
        return db.select(EVENT_RECORDER.RECORDED_BY_USER, EVENT_RECORDER.RECORDED_BY_ROLE).from(EVENT_RECORDER)
                .where(EVENT_RECORDER.PROGRAMME_ID.eq(programme)).orderBy(EVENT_RECORDER.RECORDED_AT)
                .fetch(r -> r.value1() + " " + r.value2());
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same event as another schema version of the published language wrote it. */
    private static EventEnvelope withVersion(EventEnvelope event, int schemaVersion, JsonNode payload) {
        return new EventEnvelope(event.eventId(), event.eventType(), schemaVersion, event.aggregateType(),
                event.aggregateId(), event.sequenceNumber(), event.occurredAt(), event.programmeId(), payload);
    }
}
