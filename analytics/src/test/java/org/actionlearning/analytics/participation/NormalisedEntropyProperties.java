package org.actionlearning.analytics.participation;

import static org.actionlearning.analytics.participation.Contributions.oneVoice;
import static org.actionlearning.analytics.participation.Contributions.repeat;
import static org.actionlearning.analytics.participation.Contributions.toArray;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class NormalisedEntropyProperties {

    @Property(tries = 200)
    void withinZeroAndOne(@ForAll("contributions") List<Integer> counts) {
        Double entropy = ParticipationBalance.normalisedEntropy(toArray(counts));
        if (counts.size() < 2) {
            assertThat(entropy).isNull();
        } else {
            assertThat(entropy).isBetween(0.0, 1.0 + 1e-12);
        }
    }

    @Property(tries = 100)
    void oneForEqualShares(@ForAll @IntRange(min = 2, max = 8) int n, @ForAll @IntRange(min = 1, max = 100) int count) {
        assertThat(ParticipationBalance.normalisedEntropy(repeat(count, n))).isCloseTo(1.0, within(1e-12));
    }

    @Property(tries = 100)
    void zeroForOneVoice(@ForAll @IntRange(min = 2, max = 8) int n, @ForAll @IntRange(min = 1, max = 100) int count) {
        assertThat(ParticipationBalance.normalisedEntropy(oneVoice(count, n))).isCloseTo(0.0, within(1e-12));
    }

    @Provide
    Arbitrary<List<Integer>> contributions() {
        return Contributions.ofAMeetingWhereSomeoneSpoke();
    }
}
