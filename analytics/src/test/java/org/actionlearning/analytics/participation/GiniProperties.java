package org.actionlearning.analytics.participation;

import static org.actionlearning.analytics.participation.Contributions.oneVoice;
import static org.actionlearning.analytics.participation.Contributions.repeat;
import static org.actionlearning.analytics.participation.Contributions.toArray;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class GiniProperties {

    @Property(tries = 200)
    void equalSharesGiveZero(@ForAll @IntRange(min = 1, max = 8) int n, @ForAll @IntRange(min = 1, max = 100) int count) {
        assertThat(ParticipationBalance.gini(repeat(count, n))).isCloseTo(0.0, within(1e-12));
    }

    @Property(tries = 200)
    void oneVoiceGivesNMinusOneOverN(@ForAll @IntRange(min = 1, max = 8) int n,
            @ForAll @IntRange(min = 1, max = 100) int count) {
        assertThat(ParticipationBalance.gini(oneVoice(count, n))).isCloseTo((n - 1.0) / n, within(1e-12));
    }

    @Property(tries = 200)
    void unchangedByPermutingMembers(@ForAll("contributions") List<Integer> counts, @ForAll long seed) {
        List<Integer> permuted = new ArrayList<>(counts);
        Collections.shuffle(permuted, new Random(seed));

        assertThat(ParticipationBalance.gini(toArray(permuted)))
                .isCloseTo(ParticipationBalance.gini(toArray(counts)), within(1e-12));
    }

    @Property(tries = 200)
    void unchangedByScalingAllCounts(@ForAll("contributions") List<Integer> counts,
            @ForAll @IntRange(min = 2, max = 50) int k) {
        int[] scaled = counts.stream().mapToInt(count -> count * k).toArray();

        assertThat(ParticipationBalance.gini(scaled))
                .isCloseTo(ParticipationBalance.gini(toArray(counts)), within(1e-12));
    }

    @Property(tries = 200)
    void betweenZeroAndOneVoice(@ForAll("contributions") List<Integer> counts) {
        int n = counts.size();
        assertThat(ParticipationBalance.gini(toArray(counts))).isBetween(0.0, (n - 1.0) / n + 1e-12);
    }

    @Provide
    Arbitrary<List<Integer>> contributions() {
        return Contributions.ofAMeetingWhereSomeoneSpoke();
    }
}
