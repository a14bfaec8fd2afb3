package org.actionlearning.events.envelope;

import org.actionlearning.events.DomainEvent;

/**
 * A record from the wire read as an envelope, with its payload bound already when it could be bound in the same
 * pass ({@link EventJson#read}). Without a bound payload, {@link #event()} binds it from the envelope's tree the
 * usual way, so an unreadable payload is reported when the event is wanted, as with {@link EventJson#payload}.
 *
 * @param envelope its payload tree is null when the payload was bound straight from the bytes
 */
public record ReadEvent(EventEnvelope envelope, DomainEvent boundPayload) {

    /** The payload as its record; throws {@link UnreadableEventException} when it does not bind. */
    public DomainEvent event() {
        return boundPayload != null ? boundPayload : EventJson.payload(envelope);
    }
}
