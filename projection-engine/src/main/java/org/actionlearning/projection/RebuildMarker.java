package org.actionlearning.projection;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The row saying a rebuild is under way, persisted with the emptied read models so that a restart resumes saying so.
 *
 * @param endOffsets each partition's end offset when the rebuild started: it is done once written up to them
 */
record RebuildMarker(Instant startedAt, String topic, Map<Integer, Long> endOffsets) {

    RebuildMarker {
        endOffsets = Map.copyOf(endOffsets);
    }

    String endOffsetsText() {
        return new TreeMap<>(endOffsets).entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(","));
    }

    static Map<Integer, Long> parseEndOffsets(String text) {
        return Arrays.stream(text.split(",")).filter(s -> !s.isBlank()).map(s -> s.split(":"))
                .collect(Collectors.toMap(p -> Integer.parseInt(p[0].trim()), p -> Long.parseLong(p[1].trim())));
    }
}
