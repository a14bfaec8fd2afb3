package org.actionlearning.eventstore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.actionlearning.events.envelope.EventType;
import org.actionlearning.events.envelope.EventTypes;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Decorates the storage engine with counters: events appended per type, and events read to source an aggregate
 * (which shows whether caching and snapshots keep long-lived aggregates from replaying their history).
 */
public class CountingEventStorageEngine implements EventStorageEngine {

    private final EventStorageEngine delegate;
    private final MeterRegistry registry;
    private final Counter sourcedEvents;
    private final Counter snapshotsRead;
    /** One counter per event class, looked up once rather than by name and tags on every append. */
    private final ClassValue<Counter> appended = new ClassValue<>() {
        @Override
        protected Counter computeValue(Class<?> payloadType) {
            String type = EventTypes.byClassName(payloadType.getName())
                    .map(EventType::name).orElse(payloadType.getSimpleName());
            return registry.counter("als.events.appended", "type", type);
        }
    };

    public CountingEventStorageEngine(EventStorageEngine delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
        this.sourcedEvents = Counter.builder("als.eventstore.sourced.events")
                .description("events read from the store to rebuild aggregates").register(registry);
        this.snapshotsRead = Counter.builder("als.eventstore.snapshots.read")
                .description("snapshots read to rebuild aggregates").register(registry);
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        delegate.appendEvents(events);
        for (EventMessage<?> event : events) {
            appended.get(event.getPayloadType()).increment();
        }
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        DomainEventStream stream = delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
        return new DomainEventStream() {
            @Override
            public boolean hasNext() {
                return stream.hasNext();
            }

            @Override
            public DomainEventMessage<?> next() {
                sourcedEvents.increment();
                return stream.next();
            }

            @Override
            public DomainEventMessage<?> peek() {
                return stream.peek();
            }

            @Override
            public Long getLastSequenceNumber() {
                return stream.getLastSequenceNumber();
            }
        };
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        Optional<DomainEventMessage<?>> snapshot = delegate.readSnapshot(aggregateIdentifier);
        snapshot.ifPresent(s -> snapshotsRead.increment());
        return snapshot;
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(java.time.Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
