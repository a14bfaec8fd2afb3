package org.actionlearning.events.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;

/**
 * The JSON form of events and envelopes on the wire: ISO dates, nulls kept (a field's presence is part of
 * the shape), unknown and missing fields refused, so that a shape change without a version bump (and an
 * upgrade) is noticed instead of silently read as null.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();
    /** The envelope field added after the first published shape: absent in older envelopes. */
    static final String RECORDED_BY = "recordedBy";
    private static final StreamingEnvelopeReader SINGLE_PASS = new StreamingEnvelopeReader(MAPPER);

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Wraps a stored event into its envelope at the current schema version of its type. */
    public static EventEnvelope envelope(UUID eventId, String aggregateType, String aggregateId, long sequenceNumber,
                                         Instant occurredAt, DomainEvent event) {
        return envelope(eventId, aggregateType, aggregateId, sequenceNumber, occurredAt, event, null);
    }

    /** As above, naming who recorded the event (null: unknown). */
    public static EventEnvelope envelope(UUID eventId, String aggregateType, String aggregateId, long sequenceNumber,
                                         Instant occurredAt, DomainEvent event, Recorder recordedBy) {
        EventType type = EventTypes.of(event.getClass());
        return new EventEnvelope(eventId, type.name(), type.version(), aggregateType, aggregateId, sequenceNumber,
                occurredAt, event.programmeId(), MAPPER.valueToTree(event), recordedBy);
    }

    public static byte[] toBytes(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event envelope " + envelope.eventId(), e);
        }
    }

    /**
     * Reads an envelope; throws {@link UnreadableEventException} for bytes that are not one. An envelope written
     * before the recorder was published has no {@code recordedBy}: it is upgraded as a payload is (the missing field
     * added as null), since a missing field is otherwise refused.
     */
    public static EventEnvelope fromBytes(byte[] bytes) {
        try {
            JsonNode tree = MAPPER.readTree(bytes);
            if (tree instanceof ObjectNode object && !object.has(RECORDED_BY)) {
                object.putNull(RECORDED_BY);
            }
            EventEnvelope envelope = MAPPER.treeToValue(tree, EventEnvelope.class);
            if (envelope == null) {
                throw new UnreadableEventException("not an event envelope: empty");
            }
            if (envelope.eventId() == null || envelope.eventType() == null || envelope.payload() == null) {
                throw new UnreadableEventException("envelope lacks eventId, eventType or payload");
            }
            return envelope;
        } catch (IOException e) {
            throw new UnreadableEventException("not an event envelope: " + e.getMessage(), e);
        }
    }

    /**
     * Reads an envelope and, in the same pass where it can, binds its payload (what {@link #payload} would give);
     * throws {@link UnreadableEventException} for bytes that are not an envelope, as {@link #fromBytes} does.
     */
    public static ReadEvent read(byte[] bytes) {
        ReadEvent read = SINGLE_PASS.read(bytes);
        return read != null ? read : new ReadEvent(fromBytes(bytes), null);
    }

    /**
     * Binds the payload to its record, upgrading an older schema version first; a newer version than this
     * reader knows, or an unknown type, is unreadable.
     */
    public static DomainEvent payload(EventEnvelope envelope) {
        EventType type = EventTypes.byName(envelope.eventType())
                .orElseThrow(() -> new UnreadableEventException("unknown event type " + envelope.eventType()));
        JsonNode current = PayloadUpgrades.toCurrent(type, envelope.schemaVersion(), envelope.payload());
        try {
            return MAPPER.treeToValue(current, type.javaType());
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("payload of %s does not fit version %d: %s"
                    .formatted(type.name(), type.version(), e.getOriginalMessage()), e);
        }
    }
}
