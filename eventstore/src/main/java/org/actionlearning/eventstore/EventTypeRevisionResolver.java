package org.actionlearning.eventstore;

import org.actionlearning.events.envelope.EventTypes;
import org.axonframework.serialization.RevisionResolver;

/**
 * Stores each event with the schema version of its published type as Axon's payload revision, so that the
 * event store and the Kafka envelope agree on versions and Axon upcasters can key on them.
 */
public class EventTypeRevisionResolver implements RevisionResolver {

    @Override
    public String revisionOf(Class<?> payloadType) {
        return EventTypes.byClassName(payloadType.getName())
                .map(type -> Integer.toString(type.version()))
                .orElse(null);
    }
}
