package org.actionlearning.projection;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Puts the consumer back at the offsets stored with the read models, whatever Kafka remembers: on assignment, and
 * after a failure ({@link #needed()}), when the consumer's position may be past what the read models hold (records
 * fetched or read, not written).
 */
final class Resync {

    private final ProjectionBatch batch;
    private final String topic;
    /** Consumer thread only. */
    private boolean needed;

    Resync(ProjectionBatch batch, String topic) {
        this.batch = batch;
        this.topic = topic;
    }

    /** A write failed or partitions moved while a poll was read: resync before the next poll. */
    void needed(boolean needed) {
        this.needed = needed;
    }

    boolean needed() {
        return needed;
    }

    /** Back to the stored offsets on every assigned partition, nothing being written. */
    void run(Consumer<String, byte[]> kafka) {
        seekToStoredOffsets(kafka, kafka.assignment());
        needed = false;
    }

    /** Each partition at its stored next offset, or at its beginning when none is stored. */
    void seekToStoredOffsets(Consumer<String, byte[]> kafka, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored = batch.storedOffsets(topic);
        for (TopicPartition partition : partitions) {
            Long next = stored.get(partition);
            if (next != null) {
                kafka.seek(partition, next);
            } else {
                kafka.seekToBeginning(List.of(partition));
            }
        }
    }
}
