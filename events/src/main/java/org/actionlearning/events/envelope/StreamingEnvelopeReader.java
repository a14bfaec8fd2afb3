package org.actionlearning.events.envelope;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.actionlearning.events.DomainEvent;

/**
 * Reads an envelope and binds its payload in one pass over the bytes, for the consumers that read millions: reading
 * the envelope into a tree and then binding the tree cost twice the parsing. It takes only the shape the writer
 * produces (every field once, plain values, the payload after its type and at the current schema version) and
 * returns null for anything else, which the caller then reads the usual way: so whatever this accepts reads to the
 * same values as {@link EventJson#fromBytes} and {@link EventJson#payload}, and every refusal keeps its reason.
 */
final class StreamingEnvelopeReader {

    private static final int EVENT_ID = 1;
    private static final int EVENT_TYPE = 1 << 1;
    private static final int SCHEMA_VERSION = 1 << 2;
    private static final int AGGREGATE_TYPE = 1 << 3;
    private static final int AGGREGATE_ID = 1 << 4;
    private static final int SEQUENCE_NUMBER = 1 << 5;
    private static final int OCCURRED_AT = 1 << 6;
    private static final int PROGRAMME_ID = 1 << 7;
    private static final int PAYLOAD = 1 << 8;
    private static final int EVERY_FIELD = (1 << 9) - 1;
    /** Optional: envelopes written before the recorder was published lack it (read as null, as fromBytes does). */
    private static final int RECORDED_BY = 1 << 9;

    private final ObjectMapper mapper;
    private final Map<EventType, ObjectReader> payloadReaders = new ConcurrentHashMap<>();

    StreamingEnvelopeReader(ObjectMapper envelopeMapper) {
        this.mapper = envelopeMapper.copy().registerModule(new SimpleModule("payload-as-from-tree")
                .addDeserializer(BigDecimal.class, new DecimalAsFromTree()));
    }

    /** The envelope and its bound payload, or null when the bytes are not in the writer's plain shape. */
    ReadEvent read(byte[] bytes) {
        try (JsonParser parser = mapper.createParser(bytes)) {
            return parser.nextToken() == JsonToken.START_OBJECT ? readFields(parser) : null;
        } catch (IOException | RuntimeException notPlain) {
            return null;
        }
    }

    private ReadEvent readFields(JsonParser parser) throws IOException {
        UUID eventId = null;
        String eventType = null;
        int schemaVersion = 0;
        String aggregateType = null;
        String aggregateId = null;
        long sequenceNumber = 0;
        Instant occurredAt = null;
        UUID programmeId = null;
        DomainEvent payload = null;
        Recorder recordedBy = null;
        int seen = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            int field;
            switch (name) {
                case "eventId" -> { field = EVENT_ID; eventId = uuid(parser, value); }
                case "eventType" -> { field = EVENT_TYPE; eventType = text(parser, value); }
                case "schemaVersion" -> { field = SCHEMA_VERSION; schemaVersion = (int) integer(parser, value, true); }
                case "aggregateType" -> { field = AGGREGATE_TYPE; aggregateType = text(parser, value); }
                case "aggregateId" -> { field = AGGREGATE_ID; aggregateId = text(parser, value); }
                case "sequenceNumber" -> { field = SEQUENCE_NUMBER; sequenceNumber = integer(parser, value, false); }
                case "occurredAt" -> { field = OCCURRED_AT; occurredAt = instant(parser, value); }
                case "programmeId" -> { field = PROGRAMME_ID; programmeId = uuid(parser, value); }
                case "recordedBy" -> { field = RECORDED_BY; recordedBy = recorder(parser, value); }
                case "payload" -> {
                    field = PAYLOAD;
                    payload = (seen & (EVENT_TYPE | SCHEMA_VERSION)) == (EVENT_TYPE | SCHEMA_VERSION)
                            ? payload(parser, value, eventType, schemaVersion) : null;
                    if (payload == null) {
                        return null;
                    }
                }
                default -> {
                    return null;
                }
            }
            if ((seen & field) != 0) {
                return null;
            }
            seen |= field;
        }
        if ((seen & EVERY_FIELD) != EVERY_FIELD || parser.currentToken() != JsonToken.END_OBJECT || eventId == null) {
            return null;
        }
        return new ReadEvent(new EventEnvelope(eventId, eventType, schemaVersion, aggregateType, aggregateId,
                sequenceNumber, occurredAt, programmeId, null, recordedBy), payload);
    }

    /** Null, or an object of exactly user, personId and role (the writer's shape; the binder refuses others). */
    private static Recorder recorder(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_OBJECT) {
            throw new NotPlain();
        }
        String user = null;
        UUID personId = null;
        String role = null;
        int seen = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken field = parser.nextToken();
            int bit;
            switch (name) {
                case "user" -> { bit = 1; user = text(parser, field); }
                case "personId" -> { bit = 2; personId = uuid(parser, field); }
                case "role" -> { bit = 4; role = text(parser, field); }
                default -> throw new NotPlain();
            }
            if ((seen & bit) != 0) {
                throw new NotPlain();
            }
            seen |= bit;
        }
        if (seen != 7) {
            throw new NotPlain();
        }
        return new Recorder(user, personId, role);
    }

    /** The payload bound to its record, or null when it needs the usual path (upgrade, unknown type, no fit). */
    private DomainEvent payload(JsonParser parser, JsonToken value, String eventType, int schemaVersion)
            throws IOException {
        EventType type = eventType == null ? null : EventTypes.byName(eventType).orElse(null);
        if (type == null || type.version() != schemaVersion || value != JsonToken.START_OBJECT) {
            return null;
        }
        ObjectReader reader = payloadReaders.computeIfAbsent(type, t -> mapper.readerFor(t.javaType()));
        return reader.readValue(parser);
    }

    private static String text(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new NotPlain();
        }
        return parser.getText();
    }

    private static long integer(JsonParser parser, JsonToken value, boolean asInt) throws IOException {
        JsonParser.NumberType type = value == JsonToken.VALUE_NUMBER_INT ? parser.getNumberType() : null;
        if (type != JsonParser.NumberType.INT && (asInt || type != JsonParser.NumberType.LONG)) {
            throw new NotPlain();
        }
        return parser.getLongValue();
    }

    /** Only the canonical form (36 characters, hex digits and four dashes): UUID.fromString accepts more. */
    private static UUID uuid(JsonParser parser, JsonToken value) throws IOException {
        String text = text(parser, value);
        if (text == null) {
            return null;
        }
        if (text.length() != 36) {
            throw new NotPlain();
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                throw new NotPlain();
            }
        }
        return UUID.fromString(text);
    }

    /**
     * Only the writer's form, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, read by position: Instant.parse (a general
     * formatter) took a third of the time this whole pass took.
     */
    private static Instant instant(JsonParser parser, JsonToken value) throws IOException {
        String text = text(parser, value);
        if (text == null) {
            return null;
        }
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            throw new NotPlain();
        }
        long day = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)).toEpochDay();
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (hour > 23 || minute > 59 || second > 59) {
            throw new NotPlain();
        }
        return Instant.ofEpochSecond(day * 86_400 + hour * 3_600 + minute * 60 + second, nanos(text, 19, length - 1));
    }

    /** The fraction after the seconds, if any: a dot and one to nine digits. */
    private static int nanos(String text, int from, int to) {
        if (from == to) {
            return 0;
        }
        int digits = to - from - 1;
        if (text.charAt(from) != '.' || digits < 1 || digits > 9) {
            throw new NotPlain();
        }
        int nanos = digits(text, from + 1, to);
        for (int i = digits; i < 9; i++) {
            nanos *= 10;
        }
        return nanos;
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NotPlain();
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A value outside the writer's plain shape: the caller reads the record the usual way. */
    private static final class NotPlain extends RuntimeException {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    /**
     * A decimal as binding through a JSON tree gives it: the tree keeps a JSON decimal without trailing zeros
     * ("12.50" is 12.5), and {@link BigDecimal#equals} tells the scales apart.
     */
    private static final class DecimalAsFromTree extends NumberDeserializers.BigDecimalDeserializer {
        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = super.deserialize(parser, context);
            return value != null && parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT
                    ? value.stripTrailingZeros() : value;
        }
    }
}
