package org.actionlearning.events.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.events.EventSamples;
import org.actionlearning.events.learningset.MemberLeft;
import org.actionlearning.events.learningset.PulseContributed;
import org.junit.jupiter.api.Test;

/**
 * Who recorded an event travels in its envelope; envelopes published before that (no {@code recordedBy}) still
 * read, by both readers, with an unknown recorder.
 */
class RecordedByTest {

    /** An envelope exactly as the relay published it before the recorder was added. */
    private static final String BEFORE_RECORDERS = """
            {"eventId":"6f1c1f9e-6a53-4b55-9c1e-1f0c2b7a0d11","eventType":"MemberLeft","schemaVersion":1,\
            "aggregateType":"LearningSet","aggregateId":"00000000-0000-0000-0000-000000000002","sequenceNumber":4,\
            "occurredAt":"2026-03-09T10:15:30.123Z","programmeId":"00000000-0000-0000-0000-000000000001",\
            "payload":{"setId":"00000000-0000-0000-0000-000000000002",\
            "programmeId":"00000000-0000-0000-0000-000000000001","personId":"00000000-0000-0000-0000-000000000005"}}""";

    private static final MemberLeft LEFT = new MemberLeft(EventSamples.SET, EventSamples.PROGRAMME,
            EventSamples.OTHER_PERSON);

    @Test
    void anEnvelopeWithoutARecorderReadsWithAnUnknownRecorder() {
        byte[] bytes = BEFORE_RECORDERS.getBytes(StandardCharsets.UTF_8);

        EventEnvelope read = EventJson.fromBytes(bytes);
        assertThat(read.recordedBy()).isNull();
        assertThat(read.sequenceNumber()).isEqualTo(4);
        assertThat(EventJson.payload(read)).isEqualTo(LEFT);

        ReadEvent streamed = EventJson.read(bytes);
        assertThat(streamed.envelope().recordedBy()).isNull();
        assertThat(streamed.envelope().eventId()).isEqualTo(UUID.fromString("6f1c1f9e-6a53-4b55-9c1e-1f0c2b7a0d11"));
        assertThat(streamed.event()).isEqualTo(LEFT);
    }

    @Test
    void theRecorderRoundTripsThroughBothReaders() {
        Recorder fran = new Recorder("fran", EventSamples.PERSON, Recorder.FACILITATOR);
        EventEnvelope envelope = EventJson.envelope(UUID.randomUUID(), "LearningSet", "a", 3,
                Instant.parse("2026-03-09T10:15:30.123Z"), LEFT, fran);
        byte[] bytes = EventJson.toBytes(envelope);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"recordedBy\":{\"user\":\"fran\","
                + "\"personId\":\"" + EventSamples.PERSON + "\",\"role\":\"FACILITATOR\"}");
        assertThat(EventJson.fromBytes(bytes).recordedBy()).isEqualTo(fran);
        ReadEvent streamed = EventJson.read(bytes);
        assertThat(streamed.boundPayload()).as("read in one pass").isEqualTo(LEFT);
        assertThat(streamed.envelope().recordedBy()).isEqualTo(fran);

        Recorder anAdministrator = new Recorder("ada", null, Recorder.ADMIN);
        assertThat(EventJson.read(EventJson.toBytes(envelope.recordedBy(anAdministrator))).envelope().recordedBy())
                .isEqualTo(anAdministrator);
    }

    @Test
    void aRecorderOfAnotherShapeIsRefusedByBothReaders() {
        byte[] bytes = BEFORE_RECORDERS.replace("\"payload\"", "\"recordedBy\":{\"user\":\"fran\"},\"payload\"")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EventJson.fromBytes(bytes)).isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> EventJson.read(bytes)).isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void theRecorderComesFromTheStoredEventsMetadataExceptForAPulseAnswer() {
        UUID person = UUID.randomUUID();
        // the published name is the one the command side chose (sealed for a person), never the plain audit user
        assertThat(Recorder.of(Map.of("user", "fran", "recorderName", "sealed-fran", "person", person.toString(),
                "role", "FACILITATOR"), LEFT)).isEqualTo(new Recorder("sealed-fran", person, "FACILITATOR"));
        // stored before the role (and the person) was kept: whether the user is an erased person cannot be told
        assertThat(Recorder.of(Map.of("user", "fran"), LEFT)).isNull();
        assertThat(Recorder.of(Map.of("user", "ada", "recorderName", "ada", "role", "ADMIN"), LEFT))
                .isEqualTo(new Recorder("ada", null, "ADMIN"));
        assertThat(Recorder.of(Map.of(), LEFT)).isNull();
        PulseContributed pulse = (PulseContributed) EventSamples.all().stream()
                .filter(e -> e instanceof PulseContributed).findFirst().orElseThrow();
        assertThat(Recorder.of(Map.of("user", "mo", "recorderName", "mo", "role", "MEMBER"), pulse))
                .as("unlinked by design").isNull();
    }
}
