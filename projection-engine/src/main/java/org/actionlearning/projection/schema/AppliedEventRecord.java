package org.actionlearning.projection.schema;

import org.jooq.impl.CustomRecord;

/** A row of {@code applied_event}. */
public final class AppliedEventRecord extends CustomRecord<AppliedEventRecord> {

    public AppliedEventRecord() {
        super(AppliedEvent.APPLIED_EVENT);
    }

    public java.util.UUID getEventId() {
        return get(AppliedEvent.APPLIED_EVENT.EVENT_ID);
    }

    public String getAggregateId() {
        return get(AppliedEvent.APPLIED_EVENT.AGGREGATE_ID);
    }

    public Long getSequenceNumber() {
        return get(AppliedEvent.APPLIED_EVENT.SEQUENCE_NUMBER);
    }
}
