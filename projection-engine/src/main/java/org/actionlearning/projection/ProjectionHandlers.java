package org.actionlearning.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.envelope.EventTypes;

/** Which projection code runs for which event type; several projections may handle the same type. */
public final class ProjectionHandlers {

    private final Map<Class<?>, List<BiConsumer<Object, EventEnvelope>>> handlers = new HashMap<>();
    private final List<Runnable> afterEvents = new ArrayList<>();
    private final Set<Class<?>> acrossProgrammes = new HashSet<>();

    public <E extends DomainEvent> ProjectionHandlers on(Class<E> type, BiConsumer<E, EventEnvelope> handler) {
        handlers.computeIfAbsent(type, t -> new ArrayList<>())
                .add((event, envelope) -> handler.accept(type.cast(event), envelope));
        return this;
    }

    /**
     * Work to do once all the events of a batch are applied, still in its transaction: figures derived from what the
     * batch wrote, computed once per batch instead of once per event.
     */
    public ProjectionHandlers afterEvents(Runnable task) {
        afterEvents.add(task);
        return this;
    }

    /**
     * Events of this type make their handlers write rows of other programmes than the event's own (e.g. an erasure
     * redacts the person everywhere): a poll holding one is written in one transaction, as transactions side by side
     * would write the same rows (waiting for each other, or deadlocking) instead of their own partitions' rows.
     */
    public ProjectionHandlers acrossProgrammes(Class<? extends DomainEvent> type) {
        acrossProgrammes.add(type);
        return this;
    }

    /** By the envelope's type name, so that a payload that does not bind is not read here. */
    boolean writesAcrossProgrammes(EventEnvelope envelope) {
        return EventTypes.byName(envelope.eventType()).map(type -> acrossProgrammes.contains(type.javaType()))
                .orElse(false);
    }

    void eventsApplied() {
        afterEvents.forEach(Runnable::run);
    }

    public void apply(DomainEvent event, EventEnvelope envelope) {
        for (BiConsumer<Object, EventEnvelope> handler : handlers.getOrDefault(event.getClass(), List.of())) {
            handler.accept(event, envelope);
        }
    }
}
