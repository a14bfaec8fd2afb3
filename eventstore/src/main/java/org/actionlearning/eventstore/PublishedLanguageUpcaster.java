package org.actionlearning.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.actionlearning.events.envelope.EventType;
import org.actionlearning.events.envelope.EventTypes;
import org.actionlearning.events.envelope.PayloadUpgrades;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Upcasts stored events of an older schema version (Axon payload revision) to the current one, with the same
 * {@link PayloadUpgrades} that the readers of the Kafka topic use, so there is one definition of each change.
 */
public class PublishedLanguageUpcaster extends SingleEventUpcaster {

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return typeOf(representation).filter(type -> revision(representation) < type.version()).isPresent();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        EventType type = typeOf(representation).orElseThrow();
        int from = revision(representation);
        return representation.upcastPayload(
                new SimpleSerializedType(representation.getType().getName(), Integer.toString(type.version())),
                JsonNode.class, payload -> PayloadUpgrades.toCurrent(type, from, payload));
    }

    private static Optional<EventType> typeOf(IntermediateEventRepresentation representation) {
        return EventTypes.byClassName(representation.getType().getName());
    }

    /** Events stored before revisions were recorded count as version 1. */
    private static int revision(IntermediateEventRepresentation representation) {
        String revision = representation.getType().getRevision();
        return revision == null ? 1 : Integer.parseInt(revision);
    }
}
