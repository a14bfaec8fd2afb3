package org.actionlearning.eventstore.relay;

import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;

/** An aggregate's committed events from the event store, for the relay to fill a gap in its sequence. */
@FunctionalInterface
public interface StoredEvents {

    /** The committed events of an aggregate with {@code from <= sequence < before}, in sequence order. */
    List<? extends DomainEventMessage<?>> of(String aggregateId, long from, long before);
}
