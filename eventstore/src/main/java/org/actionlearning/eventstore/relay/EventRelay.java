package org.actionlearning.eventstore.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.envelope.EventJson;
import org.actionlearning.events.envelope.Recorder;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes every stored event to the Kafka topic, keyed by programme. It runs as a tracking processor over the
 * event store; each batch is one Kafka transaction, committed before the batch's token (and the aggregates' published
 * positions) commit in PostgreSQL, so a crash replays the batch (at least once; a duplicate carries the same event
 * id) and a failed batch leaves nothing visible to read_committed consumers.
 * <p>
 * Store order is not always an aggregate's order: positions are taken at insert and become visible at commit, so an
 * aggregate's event N+1 can commit, and reach the relay, before its event N. The relay keeps each aggregate's last
 * published sequence ({@link RelayPositions}): an event at or below it was already published and is skipped; an event
 * beyond the next first publishes the missing ones from the event store. If those are not committed yet the batch
 * fails and is retried, up to {@code als.relay.sequence-gap-timeout} after the later event was created (a transaction
 * outlives that only if it rolled back for good); then the later event is published and the gap reported.
 */
@Component
@ProcessingGroup(EventRelay.PROCESSING_GROUP)
public class EventRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";
    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);
    private static final String PENDING = EventRelay.class.getName() + ".pending";

    private final RelayProducer producer;
    private final String topic;
    private final RelayPositions positions;
    private final StoredEvents storedEvents;
    private final RelayTopics topics;
    private final Duration sequenceGapTimeout;
    private final Counter published;
    private final Counter skipped;
    private final Counter gapsFilled;
    private final Counter gapsAbandoned;

    public EventRelay(RelayProducer producer, RelayProperties properties, MeterRegistry registry,
                      RelayPositions positions, StoredEvents storedEvents, RelayTopics topics) {
        this.producer = producer;
        this.topic = properties.topic();
        this.positions = positions;
        this.storedEvents = storedEvents;
        this.topics = topics;
        this.sequenceGapTimeout = properties.sequenceGapTimeout();
        this.published = Counter.builder("als.relay.published")
                .description("events published to Kafka (acknowledged)").register(registry);
        this.skipped = Counter.builder("als.relay.skipped")
                .description("events not published again: already published ahead of their store position")
                .register(registry);
        this.gapsFilled = Counter.builder("als.relay.sequence.gaps.filled")
                .description("events published from the event store ahead of their position, to keep an "
                        + "aggregate's order").register(registry);
        this.gapsAbandoned = Counter.builder("als.relay.sequence.gaps.abandoned")
                .description("aggregates' missing events given up on after the sequence gap timeout")
                .register(registry);
    }

    @EventHandler
    public void on(DomainEvent event, DomainEventMessage<?> message) {
        Batch batch = currentBatch(message);
        String aggregateId = message.getAggregateIdentifier();
        long last = batch.lastPublished(aggregateId);
        long sequence = message.getSequenceNumber();
        if (sequence <= last) {
            skipped.increment();
            return;
        }
        if (sequence > last + 1) {
            fillGap(batch, message, last);
        }
        batch.publish(event, message);
    }

    /** Publishes an aggregate's events between the last published one and {@code message} from the event store. */
    private void fillGap(Batch batch, DomainEventMessage<?> message, long last) {
        String aggregateId = message.getAggregateIdentifier();
        long expected = last + 1;
        for (DomainEventMessage<?> missing : storedEvents.of(aggregateId, expected, message.getSequenceNumber())) {
            if (missing.getSequenceNumber() != expected || !(missing.getPayload() instanceof DomainEvent event)) {
                break;
            }
            batch.publish(event, missing);
            gapsFilled.increment();
            expected++;
        }
        if (expected == message.getSequenceNumber()) {
            return;
        }
        Duration waited = Duration.between(message.getTimestamp(), Instant.now());
        if (waited.compareTo(sequenceGapTimeout) < 0) {
            throw new RelayFailedException(("%s %s: event %d is stored but %d is not committed yet; the batch is "
                    + "retried").formatted(message.getType(), aggregateId, message.getSequenceNumber(), expected), null);
        }
        gapsAbandoned.increment();
        log.error("{} {}: events {}..{} never committed within {} of event {}; publishing it after the gap",
                message.getType(), aggregateId, expected, message.getSequenceNumber() - 1, sequenceGapTimeout,
                message.getSequenceNumber());
    }

    private ProducerRecord<String, byte[]> record(DomainEvent event, DomainEventMessage<?> message) {
        EventEnvelope envelope = EventJson.envelope(UUID.fromString(message.getIdentifier()), message.getType(),
                message.getAggregateIdentifier(), message.getSequenceNumber(), message.getTimestamp(), event,
                Recorder.of(message.getMetaData(), event));
        return new ProducerRecord<>(topic, null, message.getTimestamp().toEpochMilli(),
                event.programmeId().toString(), EventJson.toBytes(envelope), cloudEventHeaders(envelope));
    }

    /** CloudEvents binary-mode headers, so generic tooling can route without parsing the body. */
    private static RecordHeaders cloudEventHeaders(EventEnvelope envelope) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(envelope.eventId().toString()));
        headers.add("ce_type", bytes("org.actionlearning." + envelope.eventType() + ".v" + envelope.schemaVersion()));
        headers.add("ce_source", bytes("/" + envelope.aggregateType() + "/" + envelope.aggregateId()));
        headers.add("ce_time", bytes(envelope.occurredAt().toString()));
        headers.add("content-type", bytes("application/json"));
        return headers;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The current batch, in a Kafka transaction from its first event. Before the batch's database transaction
     * commits (and with it the token), the aggregates' positions are written and the Kafka transaction committed; a
     * failure rolls both back (the Kafka transaction aborted) and the processor retries the batch.
     */
    private Batch currentBatch(DomainEventMessage<?> first) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            positions.relaxIdleTimeoutForThisTransaction();
            topics.ensureVerified();
            producer.begin();
            Batch batch = new Batch(first.getTimestamp());
            unitOfWork.onPrepareCommit(u -> commit(batch));
            unitOfWork.onRollback(u -> producer.abort());
            unitOfWork.afterCommit(u -> batch.logCommitted());
            return batch;
        });
    }

    private void commit(Batch batch) {
        batch.handled = System.nanoTime();
        positions.record(batch.positions.values());
        try {
            producer.commit();
        } catch (RuntimeException e) {
            throw new RelayFailedException("Kafka did not commit a batch of events", e);
        }
        published.increment(batch.sent);
        batch.acknowledged = System.nanoTime();
    }

    /** One batch of the processor: what it published, and when its steps ended (at debug level). */
    private final class Batch {
        private final Map<String, RelayPositions.Published> positions = new LinkedHashMap<>();
        private final Map<String, Long> lastPublished = new HashMap<>();
        private final Instant firstCreated;
        private final long started = System.nanoTime();
        private int sent;
        private long handled;
        private long acknowledged;

        private Batch(Instant firstCreated) {
            this.firstCreated = firstCreated;
        }

        private long lastPublished(String aggregateId) {
            return lastPublished.computeIfAbsent(aggregateId,
                    id -> EventRelay.this.positions.lastPublished(id).orElse(-1));
        }

        private void publish(DomainEvent event, DomainEventMessage<?> message) {
            producer.send(record(event, message));
            sent++;
            lastPublished.put(message.getAggregateIdentifier(), message.getSequenceNumber());
            positions.put(message.getAggregateIdentifier(), new RelayPositions.Published(
                    message.getAggregateIdentifier(), message.getType(), message.getSequenceNumber()));
        }

        private void logCommitted() {
            if (log.isDebugEnabled()) {
                long committed = System.nanoTime();
                log.debug("{} events relayed; the first created {} ms before the batch; handled {} ms, "
                                + "acknowledged {} ms, token committed {} ms", sent,
                        Duration.between(firstCreated, Instant.now()).toMillis() - millis(committed - started),
                        millis(handled - started), millis(acknowledged - handled), millis(committed - acknowledged));
            }
        }

        private static long millis(long nanos) {
            return nanos / 1_000_000;
        }
    }

    static class RelayFailedException extends RuntimeException {
        RelayFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
