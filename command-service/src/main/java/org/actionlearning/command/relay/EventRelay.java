package org.actionlearning.command.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.envelope.EventJson;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
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
 * Publishes every stored event to the Kafka topic, keyed by programme, in store order. It runs as a tracking
 * processor over the event store: the batch's token is stored in PostgreSQL only after Kafka acknowledged every
 * record of the batch, so a crash replays the batch (at least once; a duplicate carries the same event id).
 */
@Component
@ProcessingGroup(EventRelay.PROCESSING_GROUP)
public class EventRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";
    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);
    private static final String PENDING = EventRelay.class.getName() + ".pending";
    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Counter published;

    public EventRelay(Producer<String, byte[]> producer, RelayProperties properties, MeterRegistry registry) {
        this.producer = producer;
        this.topic = properties.topic();
        this.published = Counter.builder("als.relay.published")
                .description("events published to Kafka (acknowledged)").register(registry);
    }

    @EventHandler
    public void on(DomainEvent event, DomainEventMessage<?> message) {
        EventEnvelope envelope = EventJson.envelope(UUID.fromString(message.getIdentifier()), message.getType(),
                message.getAggregateIdentifier(), message.getSequenceNumber(), message.getTimestamp(), event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null,
                message.getTimestamp().toEpochMilli(), event.programmeId().toString(), EventJson.toBytes(envelope),
                cloudEventHeaders(envelope));
        currentBatch(message).sends.add(producer.send(record));
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
     * The current batch; before it commits (and with it the token), wait for Kafka to acknowledge all of its sends.
     * A failure rolls the batch back and the processor retries it.
     */
    private Batch currentBatch(DomainEventMessage<?> first) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            Batch batch = new Batch(first.getTimestamp());
            unitOfWork.onPrepareCommit(u -> awaitAcknowledgements(batch));
            unitOfWork.afterCommit(u -> batch.logCommitted());
            return batch;
        });
    }

    private void awaitAcknowledgements(Batch batch) {
        batch.handled = System.nanoTime();
        try {
            // the batch is complete: send what the producer's linger still holds back now, not linger.ms later
            producer.flush();
            for (Future<RecordMetadata> send : batch.sends) {
                send.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            published.increment(batch.sends.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayFailedException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RelayFailedException("Kafka did not acknowledge a batch of events", e);
        }
        batch.acknowledged = System.nanoTime();
    }

    /** One batch of the processor: its sends, and when its steps ended (at debug level, where a batch's time went). */
    private static final class Batch {
        private final List<Future<RecordMetadata>> sends = new ArrayList<>();
        private final Instant firstCreated;
        private final long started = System.nanoTime();
        private long handled;
        private long acknowledged;

        private Batch(Instant firstCreated) {
            this.firstCreated = firstCreated;
        }

        private void logCommitted() {
            if (log.isDebugEnabled()) {
                long committed = System.nanoTime();
                log.debug("{} events relayed; the first created {} ms before the batch; handled {} ms, "
                                + "acknowledged {} ms, token committed {} ms", sends.size(),
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
