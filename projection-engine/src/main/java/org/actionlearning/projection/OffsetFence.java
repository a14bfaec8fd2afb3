package org.actionlearning.projection;

import static org.actionlearning.projection.schema.EngineTables.CONSUMER_OFFSET;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Result;

/**
 * Fences a poll's transaction against another member that owns (or owned) the same partitions: locks the poll's
 * {@code consumer_offset} rows first, and goes on only if no one has stored a next offset past the poll's first
 * record. A member that lost its partitions without knowing (a GC pause, a network cut, a write stuck on a lock)
 * still writes the poll it had in flight: when the new owner committed first, the stored offset is past the poll's
 * first offset and the stale poll is refused; when the stale poll holds the lock first, the new owner waits, then
 * finds the offset moved and resyncs. Either way each record counts once.
 * <p>
 * "Past", not "different": with a transactional producer a commit marker takes an offset, so a poll may begin one or
 * more offsets after the stored next offset without anything being missed.
 */
class OffsetFence {

    private final DSLContext db;

    OffsetFence(DSLContext db) {
        this.db = db;
    }

    /** Locks the partitions' rows (creating missing ones at the poll's first offset) or throws {@link FencedPoll}. */
    void lock(String groupId, Map<TopicPartition, Long> firstOffsets) {
        if (firstOffsets.isEmpty()) {
            return;
        }
        Map<String, Map<Integer, Long>> byTopic = new TreeMap<>();
        firstOffsets.forEach((tp, first) -> byTopic.computeIfAbsent(tp.topic(), t -> new TreeMap<>())
                .put(tp.partition(), first));
        byTopic.forEach((topic, firsts) -> {
            Map<Integer, Long> stored = lockRows(groupId, topic, firsts);
            if (stored.size() < firsts.size()) {
                // never stored: a row to lock, at the poll's first offset; a concurrent insert by another member
                // makes this one wait for it, then do nothing, and the check below sees the other's offset
                var insert = db.insertInto(CONSUMER_OFFSET, CONSUMER_OFFSET.GROUP_ID, CONSUMER_OFFSET.TOPIC,
                        CONSUMER_OFFSET.PARTITION, CONSUMER_OFFSET.NEXT_OFFSET);
                firsts.forEach((partition, first) -> {
                    if (!stored.containsKey(partition)) {
                        insert.values(groupId, topic, partition, first);
                    }
                });
                insert.onConflictDoNothing().execute();
                stored.putAll(lockRows(groupId, topic, firsts));
            }
            firsts.forEach((partition, first) -> {
                long next = stored.get(partition);
                if (next > first) {
                    throw new FencedPoll(new TopicPartition(topic, partition), first, next);
                }
            });
        });
    }

    private Map<Integer, Long> lockRows(String groupId, String topic, Map<Integer, Long> firsts) {
        Result<Record2<Integer, Long>> rows = db.select(CONSUMER_OFFSET.PARTITION, CONSUMER_OFFSET.NEXT_OFFSET)
                .from(CONSUMER_OFFSET)
                .where(CONSUMER_OFFSET.GROUP_ID.eq(groupId).and(CONSUMER_OFFSET.TOPIC.eq(topic))
                        .and(CONSUMER_OFFSET.PARTITION.in(List.copyOf(firsts.keySet()))))
                .orderBy(CONSUMER_OFFSET.PARTITION) // always in the same order: two members cannot deadlock here
                .forUpdate().fetch();
        Map<Integer, Long> stored = new HashMap<>();
        rows.forEach(r -> stored.put(r.value1(), r.value2()));
        return stored;
    }

    /** The poll was projected by another member already: its transaction rolls back, the consumer resyncs. */
    static final class FencedPoll extends RuntimeException {
        FencedPoll(TopicPartition partition, long firstOffset, long storedNextOffset) {
            super("fenced: " + partition + " was projected up to offset " + storedNextOffset
                    + " by another member while this poll from offset " + firstOffset + " was in flight");
        }
    }
}
