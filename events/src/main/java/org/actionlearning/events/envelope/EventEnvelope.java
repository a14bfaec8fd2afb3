package org.actionlearning.events.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * The versioned JSON record of one stored event on the Kafka topic. The payload stays a JSON tree so
 * that a reader can upgrade an older {@code schemaVersion} before binding it to a record.
 *
 * @param eventId        the event store's identifier: a redelivered event carries the same id
 * @param sequenceNumber the event's position in its aggregate's stream, starting at 0
 * @param occurredAt     when the event was stored (not the business date, which is in the payload)
 * @param recordedBy     who recorded it; null when unknown. Envelopes written before it was published lack the field
 *                       and read as null (the envelope's own upgrade, {@link EventJson#fromBytes})
 */
public record EventEnvelope(UUID eventId, String eventType, int schemaVersion, String aggregateType,
                            String aggregateId, long sequenceNumber, Instant occurredAt, UUID programmeId,
                            JsonNode payload, Recorder recordedBy) {

    /** An envelope whose recorder is unknown. */
    public EventEnvelope(UUID eventId, String eventType, int schemaVersion, String aggregateType, String aggregateId,
                         long sequenceNumber, Instant occurredAt, UUID programmeId, JsonNode payload) {
        this(eventId, eventType, schemaVersion, aggregateType, aggregateId, sequenceNumber, occurredAt, programmeId,
                payload, null);
    }

    /** This envelope with another recorder. */
    public EventEnvelope recordedBy(Recorder recorder) {
        return new EventEnvelope(eventId, eventType, schemaVersion, aggregateType, aggregateId, sequenceNumber,
                occurredAt, programmeId, payload, recorder);
    }
}
