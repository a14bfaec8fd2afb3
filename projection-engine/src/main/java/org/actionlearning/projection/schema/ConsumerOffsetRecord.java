package org.actionlearning.projection.schema;

import org.jooq.impl.CustomRecord;

/** A row of {@code consumer_offset}. */
public final class ConsumerOffsetRecord extends CustomRecord<ConsumerOffsetRecord> {

    public ConsumerOffsetRecord() {
        super(ConsumerOffset.CONSUMER_OFFSET);
    }

    public String getGroupId() {
        return get(ConsumerOffset.CONSUMER_OFFSET.GROUP_ID);
    }

    public String getTopic() {
        return get(ConsumerOffset.CONSUMER_OFFSET.TOPIC);
    }

    public Integer getPartition() {
        return get(ConsumerOffset.CONSUMER_OFFSET.PARTITION);
    }

    public Long getNextOffset() {
        return get(ConsumerOffset.CONSUMER_OFFSET.NEXT_OFFSET);
    }
}
