package org.actionlearning.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.envelope.EventJson;
import org.actionlearning.events.envelope.EventType;
import org.actionlearning.events.envelope.EventTypes;
import org.actionlearning.events.envelope.ReadEvent;
import org.actionlearning.events.envelope.UnreadableEventException;
import org.actionlearning.events.learningset.MemberJoined;
import org.actionlearning.events.learningset.MemberLeft;
import org.actionlearning.events.programme.CostCategory;
import org.actionlearning.events.programme.ProgrammeCostRecorded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventJsonTest {

    /** Checked-in JSON of each type at its current version: the contract consumers rely on. */
    private static final Path SAMPLES = Path.of("src/test/resources/event-samples");

    static Stream<DomainEvent> samples() {
        return EventSamples.all().stream();
    }

    @Test
    void everyPublishedTypeHasASampleAndEverySampleIsPublished() {
        assertThat(EventSamples.all()).extracting(e -> (Object) e.getClass())
                .containsExactlyInAnyOrderElementsOf(EventTypes.all().stream().map(EventType::javaType).toList());
    }

    @Test
    void typesAreFoundByTheirJavaClassName() {
        assertThat(EventTypes.byClassName(MemberJoined.class.getName()))
                .hasValueSatisfying(type -> {
                    assertThat(type.name()).isEqualTo("MemberJoined");
                    assertThat(type.version()).isEqualTo(2);
                });
        assertThat(EventTypes.byClassName(ProgrammeCostRecorded.class.getName()).map(EventType::javaType))
                .contains(ProgrammeCostRecorded.class);
        assertThat(EventTypes.byClassName("org.actionlearning.events.NotAnEvent")).isEmpty();
        assertThat(EventTypes.byClassName("MemberJoined")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void envelopeRoundTripsThroughItsJsonForm(DomainEvent event) {
        UUID eventId = UUID.randomUUID();
        EventEnvelope envelope = EventJson.envelope(eventId, "LearningSet", "agg-1", 41L,
                Instant.parse("2026-03-09T10:15:30.123Z"), event);

        EventEnvelope read = EventJson.fromBytes(EventJson.toBytes(envelope));

        assertThat(read).usingRecursiveComparison().ignoringFields("payload").isEqualTo(envelope);
        assertThat(sameJson(read.payload(), envelope.payload())).isTrue();
        assertThat(read.eventType()).isEqualTo(event.getClass().getSimpleName());
        assertThat(read.programmeId()).isEqualTo(EventSamples.PROGRAMME);
        assertThat(read.sequenceNumber()).isEqualTo(41L);
        assertThat(EventJson.payload(read)).isEqualTo(event);
    }

    /**
     * Fails when a record's JSON shape (field names, types, nesting) changes while its schema version stays
     * the same: bump the version in {@link EventTypes}, add an upcaster, and check in the new sample.
     * Run with -Devents.writeSamples=true to write a missing sample file.
     */
    @ParameterizedTest
    @MethodSource("samples")
    void jsonShapeMatchesTheCheckedInSampleOfItsVersion(DomainEvent event) throws IOException {
        EventType type = EventTypes.of(event.getClass());
        Path sample = SAMPLES.resolve(type.name() + ".v" + type.version() + ".json");
        JsonNode actual = EventJson.mapper().valueToTree(event);
        if (!Files.exists(sample) && Boolean.getBoolean("events.writeSamples")) {
            Files.createDirectories(SAMPLES);
            Files.writeString(sample, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(actual)
                    + "\n", StandardCharsets.UTF_8);
        }
        assertThat(sample).as("checked-in sample for %s version %d", type.name(), type.version()).exists();
        JsonNode expected = EventJson.mapper().readTree(sample.toFile());
        assertThat(sameJson(actual, expected))
                .as("JSON of %s v%d changed; bump its schema version:%n%s%nchecked in:%n%s", type.name(),
                        type.version(), actual, expected)
                .isTrue();
        assertThat(EventJson.mapper().treeToValue(expected, type.javaType())).isEqualTo(event);
    }

    /** Same tree, numbers compared by value (42 and 42.0 are one number on the wire). */
    private static boolean sameJson(JsonNode a, JsonNode b) {
        Comparator<JsonNode> numbersByValue = (x, y) -> x.isNumber() && y.isNumber()
                ? x.decimalValue().compareTo(y.decimalValue())
                : x.equals(y) ? 0 : 1;
        return a.equals(numbersByValue, b);
    }

    @Test
    void bytesThatAreNotAnEnvelopeAreUnreadable() {
        assertThatThrownBy(() -> EventJson.fromBytes("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> EventJson.fromBytes("{\"eventType\":\"MemberLeft\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void aPayloadOfAnotherVersionIsRefusedRatherThanMisread() {
        EventEnvelope current = EventJson.envelope(UUID.randomUUID(), "LearningSet", "a", 0, Instant.EPOCH,
                new MemberLeft(EventSamples.SET, EventSamples.PROGRAMME, EventSamples.PERSON));
        EventEnvelope future = new EventEnvelope(current.eventId(), current.eventType(), 2, current.aggregateType(),
                current.aggregateId(), 0, Instant.EPOCH, current.programmeId(), current.payload());

        assertThatThrownBy(() -> EventJson.payload(future)).isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("schema version 2");
    }

    /** Version-1 records on the topic (published before the upgrade) are read in the current shape. */
    @Test
    void aVersionOneMemberJoinedIsUpgradedWithAnUnknownJoiningDate() throws IOException {
        JsonNode v1 = EventJson.mapper().readTree(SAMPLES.resolve("MemberJoined.v1.json").toFile());
        EventEnvelope old = new EventEnvelope(UUID.randomUUID(), "MemberJoined", 1, "LearningSet", "a", 3,
                Instant.EPOCH, EventSamples.PROGRAMME, v1);

        assertThat(EventJson.payload(old)).isEqualTo(new MemberJoined(EventSamples.SET, EventSamples.PROGRAMME,
                EventSamples.OTHER_PERSON, "Mo Member", null));
        assertThat(old.payload().has("joinedOn")).as("the envelope itself is left as it was").isFalse();
    }

    /** An estimate published before it had a business date reads as one dated the day it was recorded (null). */
    @Test
    void aVersionOneAttributionEstimateIsUpgradedWithoutADate() throws IOException {
        JsonNode v1 = EventJson.mapper().readTree(SAMPLES.resolve("AttributionEstimated.v1.json").toFile());
        EventEnvelope old = new EventEnvelope(UUID.randomUUID(), "AttributionEstimated", 1, "OutcomeMetric", "a", 3,
                Instant.EPOCH, EventSamples.PROGRAMME, v1);

        assertThat(((org.actionlearning.events.outcome.AttributionEstimated) EventJson.payload(old)).estimatedOn())
                .isNull();
    }

    @Test
    void anUnknownTypeIsRefused() {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "SomethingElse", 1, "X", "a", 0, Instant.EPOCH,
                EventSamples.PROGRAMME, EventJson.mapper().createObjectNode());
        assertThatThrownBy(() -> EventJson.payload(envelope)).isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("unknown event type");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void readingInOnePassGivesWhatReadingTheEnvelopeThenItsPayloadGives(DomainEvent event) {
        byte[] bytes = EventJson.toBytes(EventJson.envelope(UUID.randomUUID(), "LearningSet", "agg-1", 41L,
                Instant.parse("2026-03-09T10:15:30.123Z"), event));

        ReadEvent read = EventJson.read(bytes);

        assertThat(read.boundPayload()).as("bound in the one pass").isEqualTo(event);
        assertSameAsTwoPasses(bytes, read);
    }

    /** A tree drops a decimal's trailing zeros and BigDecimal.equals compares scales: the one pass must match. */
    @ParameterizedTest
    @ValueSource(strings = {"12.50", "100.0", "0.00", "-0.0", "7", "1e3", "1.5E-3", "\"12.50\""})
    void decimalsReadInOnePassAsThroughATree(String amount) {
        EventEnvelope envelope = EventJson.envelope(UUID.randomUUID(), "Programme", "p", 2, Instant.EPOCH,
                new ProgrammeCostRecorded(EventSamples.PROGRAMME, EventSamples.ITEM, CostCategory.values()[0],
                        new BigDecimal("99"), LocalDate.EPOCH, "n"));
        byte[] bytes = new String(EventJson.toBytes(envelope), StandardCharsets.UTF_8)
                .replace("\"amount\":99", "\"amount\":" + amount).getBytes(StandardCharsets.UTF_8);

        ReadEvent read = EventJson.read(bytes);

        assertThat(read.boundPayload()).as("bound in the one pass").isNotNull();
        assertSameAsTwoPasses(bytes, read);
    }

    /** The one pass reads the writer's timestamps itself and leaves any other to the usual reading. */
    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2026-03-09T10:15:30.123Z", "2024-02-29T23:59:59.000000001Z",
            "1969-12-31T23:59:59.5Z", "2023-02-29T00:00:00Z", "2026-03-09T24:00:00Z", "2026-03-09T10:15:30.Z",
            "2026-03-09T10:15:30.1234567891Z", "2026-03-09T10:15:30+01:00", "+10000-01-01T00:00:00Z"})
    void timestampsReadInOnePassAsTheUsualReadingReadsThem(String occurredAt) {
        EventEnvelope envelope = EventJson.envelope(UUID.randomUUID(), "LearningSet", "a", 0,
                Instant.parse("2026-03-09T10:15:30.123Z"), EventSamples.all().get(0));
        byte[] bytes = new String(EventJson.toBytes(envelope), StandardCharsets.UTF_8)
                .replace("2026-03-09T10:15:30.123Z", occurredAt).getBytes(StandardCharsets.UTF_8);

        ReadEvent read;
        try {
            read = EventJson.read(bytes);
        } catch (UnreadableEventException refused) {
            assertThatThrownBy(() -> EventJson.fromBytes(bytes)).isInstanceOf(UnreadableEventException.class);
            return;
        }
        assertSameAsTwoPasses(bytes, read);
    }

    /** Shapes the one pass leaves to the usual reading: an upgrade, odd order or values, refusals with reasons. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"payload\":%s,\"eventId\":\"%s\",\"eventType\":\"MemberJoined\",\"schemaVersion\":2,"
                    + "\"aggregateType\":\"LearningSet\",\"aggregateId\":\"a\",\"sequenceNumber\":3,"
                    + "\"occurredAt\":\"1970-01-01T00:00:00Z\",\"programmeId\":null}",
            "{\"eventId\":\"%2$s\",\"eventType\":\"MemberJoined\",\"schemaVersion\":1,"
                    + "\"aggregateType\":\"LearningSet\",\"aggregateId\":\"a\",\"sequenceNumber\":\"3\","
                    + "\"occurredAt\":0,\"programmeId\":null,\"payload\":%1$s}",
            "{\"eventId\":\"%2$s\",\"eventType\":\"MemberJoined\",\"schemaVersion\":3,"
                    + "\"aggregateType\":\"LearningSet\",\"aggregateId\":\"a\",\"sequenceNumber\":3,"
                    + "\"occurredAt\":\"1970-01-01T00:00:00Z\",\"programmeId\":null,\"payload\":%1$s}",
            "{\"eventId\":\"%2$s\",\"eventType\":\"Unknown\",\"schemaVersion\":1,"
                    + "\"aggregateType\":\"LearningSet\",\"aggregateId\":\"a\",\"sequenceNumber\":3,"
                    + "\"occurredAt\":\"1970-01-01T00:00:00Z\",\"programmeId\":null,\"payload\":%1$s}",
            "{\"eventId\":\"%2$s\",\"eventType\":\"MemberLeft\",\"schemaVersion\":1,"
                    + "\"aggregateType\":\"LearningSet\",\"aggregateId\":\"a\",\"sequenceNumber\":3,"
                    + "\"occurredAt\":\"1970-01-01T00:00:00Z\",\"programmeId\":null,\"payload\":%1$s}"})
    void otherShapesReadAsTheUsualReadingReadsThem(String envelope) throws IOException {
        String v1Payload = EventJson.mapper().readTree(SAMPLES.resolve("MemberJoined.v1.json").toFile()).toString();
        byte[] bytes = envelope.formatted(v1Payload, UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

        assertSameAsTwoPasses(bytes, EventJson.read(bytes));
    }

    @Test
    void bytesThatAreNotAnEnvelopeAreUnreadableInOnePassToo() {
        assertThatThrownBy(() -> EventJson.read("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> EventJson.read("{\"eventType\":\"MemberLeft\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEventException.class);
    }

    private static void assertSameAsTwoPasses(byte[] bytes, ReadEvent read) {
        EventEnvelope twoPasses = EventJson.fromBytes(bytes);
        assertThat(read.envelope()).usingRecursiveComparison().ignoringFields("payload").isEqualTo(twoPasses);
        DomainEvent expected;
        try {
            expected = EventJson.payload(twoPasses);
        } catch (UnreadableEventException e) {
            assertThatThrownBy(read::event).isInstanceOf(UnreadableEventException.class).hasMessage(e.getMessage());
            return;
        }
        assertThat(read.event()).isEqualTo(expected);
    }
}
