package org.actionlearning.projection.schema;

/**
 * The engine's own tables, declared by hand in jOOQ: the engine cannot use the service's generated classes (it
 * would depend on the service), and generating its own from the service's migrations would tie the library's build
 * to the service's source tree. The tables are still created by the service's Flyway migrations, where they were
 * created first (moving a migration would change nothing for Flyway only with the same version and checksum);
 * {@code EngineTablesMatchMigrationsTest} in the query service checks these declarations against the migrated schema.
 */
public final class EngineTables {

    /** The next offset of each partition, stored in the transaction that projected the records before it. */
    public static final ConsumerOffset CONSUMER_OFFSET = ConsumerOffset.CONSUMER_OFFSET;
    /** The last applied sequence number of each aggregate. */
    public static final AggregatePosition AGGREGATE_POSITION = AggregatePosition.AGGREGATE_POSITION;
    /** The ids of the events applied, to tell a duplicate from an unknown event with a passed sequence. */
    public static final AppliedEvent APPLIED_EVENT = AppliedEvent.APPLIED_EVENT;
    /** Records that could not be projected, kept for replay. */
    public static final DeadLetter DEAD_LETTER = DeadLetter.DEAD_LETTER;
    /** Events that arrived past a gap in their aggregate's sequence, waiting for it to fill. */
    public static final ParkedEvent PARKED_EVENT = ParkedEvent.PARKED_EVENT;

    private EngineTables() {
    }
}
