package org.actionlearning.projection.schema;

import org.jooq.impl.CustomRecord;

/** A row of {@code dead_letter}. */
public final class DeadLetterRecord extends CustomRecord<DeadLetterRecord> {

    public DeadLetterRecord() {
        super(DeadLetter.DEAD_LETTER);
    }

    public String getTopic() {
        return get(DeadLetter.DEAD_LETTER.TOPIC);
    }

    public Integer getPartition() {
        return get(DeadLetter.DEAD_LETTER.PARTITION);
    }

    public Long getRecordOffset() {
        return get(DeadLetter.DEAD_LETTER.RECORD_OFFSET);
    }

    public String getReason() {
        return get(DeadLetter.DEAD_LETTER.REASON);
    }

    public String getRecordKey() {
        return get(DeadLetter.DEAD_LETTER.RECORD_KEY);
    }

    public byte[] getRecordValue() {
        return get(DeadLetter.DEAD_LETTER.RECORD_VALUE);
    }

    public java.time.OffsetDateTime getReceivedAt() {
        return get(DeadLetter.DEAD_LETTER.RECEIVED_AT);
    }

    public String getAggregateId() {
        return get(DeadLetter.DEAD_LETTER.AGGREGATE_ID);
    }

    public Long getSequenceNumber() {
        return get(DeadLetter.DEAD_LETTER.SEQUENCE_NUMBER);
    }

    public Boolean getBlocksAggregate() {
        return get(DeadLetter.DEAD_LETTER.BLOCKS_AGGREGATE);
    }
}
