package org.actionlearning.projection.schema;

import org.jooq.impl.CustomRecord;

/** A row of {@code aggregate_position}. */
public final class AggregatePositionRecord extends CustomRecord<AggregatePositionRecord> {

    public AggregatePositionRecord() {
        super(AggregatePosition.AGGREGATE_POSITION);
    }

    public String getAggregateId() {
        return get(AggregatePosition.AGGREGATE_POSITION.AGGREGATE_ID);
    }

    public Long getLastSequence() {
        return get(AggregatePosition.AGGREGATE_POSITION.LAST_SEQUENCE);
    }
}
