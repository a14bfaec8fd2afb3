package org.actionlearning.eventstore.backfill;

/**
 * A table that its own {@code @EventHandler} methods write, in a subscribing processor, in the transaction that
 * appends the events; an event store older than the table gets it filled at start by the same methods, from the
 * stored events (see {@link StoredEventsBackfill}).
 */
public interface BackfilledTable {

    /** What the log calls the table. */
    String name();

    /** Whether the stored events hold rows the table misses: typically, the table is empty and the store is not. */
    boolean missesStoredEvents();
}
