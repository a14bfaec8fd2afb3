package org.actionlearning.command.support;

import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.test.aggregate.AggregateTestFixture;

/**
 * Where the aggregates that the aggregate under test creates with {@code AggregateLifecycle.createNew} are stored.
 * <p>
 * The fixture's own event store accepts the events of one aggregate only ("Writing events for an unexpected
 * aggregate"), so created aggregates go through an {@link EventSourcingRepository} on this separate in-memory
 * event store instead, and tests read them back from here. Shut it down after each test.
 */
public final class CreatedAggregates implements RepositoryProvider {

    private final EmbeddedEventStore store =
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();

    private CreatedAggregates() {
    }

    /** A new store for the aggregates created through {@code fixture}, registered on it. */
    public static CreatedAggregates on(AggregateTestFixture<?> fixture) {
        CreatedAggregates created = new CreatedAggregates();
        fixture.registerRepositoryProvider(created);
        return created;
    }

    @Override
    public <T> Repository<T> repositoryFor(Class<T> aggregateType) {
        return EventSourcingRepository.builder(aggregateType).eventStore(store).repositoryProvider(this).build();
    }

    /** The events stored for a created aggregate, in order. */
    public List<? extends DomainEventMessage<?>> eventsOf(UUID aggregateId) {
        return store.readEvents(aggregateId.toString()).asStream().toList();
    }

    /** The payloads of the events stored for a created aggregate, in order. */
    public List<Object> payloadsOf(UUID aggregateId) {
        return eventsOf(aggregateId).stream().map(Message::getPayload).map(Object.class::cast).toList();
    }

    public void shutDown() {
        store.shutDown();
    }
}
