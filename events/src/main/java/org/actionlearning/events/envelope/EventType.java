package org.actionlearning.events.envelope;

import org.actionlearning.events.DomainEvent;

/**
 * A published event type: its stable name on the wire and the schema version of its JSON payload.
 * Bump {@code version} whenever the payload's JSON shape changes (and add an upcaster).
 */
public record EventType(String name, int version, Class<? extends DomainEvent> javaType) {
}
