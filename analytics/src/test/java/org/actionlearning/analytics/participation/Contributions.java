package org.actionlearning.analytics.participation;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Generators and helpers shared by the participation properties. */
final class Contributions {

    private Contributions() {
    }

    /** One count per attendee, 1 to 8 attendees, at least one of whom spoke. */
    static Arbitrary<List<Integer>> ofAMeetingWhereSomeoneSpoke() {
        return Arbitraries.integers().between(0, 60).list().ofMinSize(1).ofMaxSize(8)
                .filter(counts -> counts.stream().anyMatch(count -> count > 0));
    }

    static int[] repeat(int count, int n) {
        int[] counts = new int[n];
        Arrays.fill(counts, count);
        return counts;
    }

    static int[] oneVoice(int count, int n) {
        int[] counts = new int[n];
        counts[0] = count;
        return counts;
    }

    static int[] toArray(List<Integer> counts) {
        return counts.stream().mapToInt(Integer::intValue).toArray();
    }
}
