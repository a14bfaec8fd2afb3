package org.actionlearning.query.projection;

import java.time.Instant;

/**
 * Where a rebuild of the read models from offset 0 stands.
 *
 * @param state           IDLE (never run), REQUESTED, RUNNING or DONE
 * @param recordsToReplay records on the topic when the rebuild started
 * @param recordsReplayed records projected since
 */
public record RebuildStatus(String state, Instant startedAt, Instant finishedAt, long recordsToReplay,
                            long recordsReplayed) {

    public double progress() {
        if ("DONE".equals(state)) {
            return 1.0;
        }
        return recordsToReplay == 0 ? 0.0 : Math.min(1.0, (double) recordsReplayed / recordsToReplay);
    }

    static RebuildStatus idle() {
        return new RebuildStatus("IDLE", null, null, 0, 0);
    }
}
