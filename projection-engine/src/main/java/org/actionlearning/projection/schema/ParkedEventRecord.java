package org.actionlearning.projection.schema;

import org.jooq.impl.CustomRecord;

/** A row of {@code parked_event}. */
public final class ParkedEventRecord extends CustomRecord<ParkedEventRecord> {

    public ParkedEventRecord() {
        super(ParkedEvent.PARKED_EVENT);
    }

    public String getAggregateId() {
        return get(ParkedEvent.PARKED_EVENT.AGGREGATE_ID);
    }

    public Long getSequenceNumber() {
        return get(ParkedEvent.PARKED_EVENT.SEQUENCE_NUMBER);
    }

    public java.util.UUID getEventId() {
        return get(ParkedEvent.PARKED_EVENT.EVENT_ID);
    }

    public String getTopic() {
        return get(ParkedEvent.PARKED_EVENT.TOPIC);
    }

    public Integer getPartition() {
        return get(ParkedEvent.PARKED_EVENT.PARTITION);
    }

    public Long getRecordOffset() {
        return get(ParkedEvent.PARKED_EVENT.RECORD_OFFSET);
    }

    public String getRecordKey() {
        return get(ParkedEvent.PARKED_EVENT.RECORD_KEY);
    }

    public byte[] getRecordValue() {
        return get(ParkedEvent.PARKED_EVENT.RECORD_VALUE);
    }

    public java.time.OffsetDateTime getParkedAt() {
        return get(ParkedEvent.PARKED_EVENT.PARKED_AT);
    }
}
