package org.actionlearning.projection;

import java.time.Instant;
import java.util.List;

/**
 * Where a rebuild of the read models from offset 0 stands, and where its events came from.
 *
 * @param state           IDLE (never run), REQUESTED, RUNNING, DONE or REFUSED
 * @param recordsToReplay records on the topic when the rebuild started
 * @param recordsReplayed records projected since
 * @param topic           the topic replayed (null before a rebuild started)
 * @param source          the offsets replayed, per partition: from the first up to (not including) the end offset
 *                        when the rebuild started
 * @param refusedBecause  why the rebuild did not start (REFUSED), else null
 */
public record RebuildStatus(String state, Instant startedAt, Instant finishedAt, long recordsToReplay,
                            long recordsReplayed, String topic, List<SourcePartition> source, String refusedBecause) {

    /** The records of one partition a rebuild replays. */
    public record SourcePartition(int partition, long fromOffset, long toOffset) {
    }

    public RebuildStatus(String state, Instant startedAt, Instant finishedAt, long recordsToReplay,
                         long recordsReplayed) {
        this(state, startedAt, finishedAt, recordsToReplay, recordsReplayed, null, List.of(), null);
    }

    public double progress() {
        if ("DONE".equals(state)) {
            return 1.0;
        }
        return recordsToReplay == 0 ? 0.0 : Math.min(1.0, (double) recordsReplayed / recordsToReplay);
    }

    /** Whether the read models are being emptied or filled again: incomplete, not to be answered from. */
    public boolean rebuilding() {
        return "REQUESTED".equals(state) || "RUNNING".equals(state);
    }

    RebuildStatus advanced(String newState, Instant finished, long replayed) {
        return new RebuildStatus(newState, startedAt, finished, recordsToReplay, replayed, topic, source,
                refusedBecause);
    }

    static RebuildStatus idle() {
        return new RebuildStatus("IDLE", null, null, 0, 0);
    }
}
