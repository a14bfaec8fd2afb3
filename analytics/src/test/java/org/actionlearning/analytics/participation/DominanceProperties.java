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

class DominanceProperties {

    @Property(tries = 200)
    void withinOneAndN(@ForAll("contributions") List<Integer> counts) {
        assertThat(ParticipationBalance.dominance(toArray(counts))).isBetween(1.0 - 1e-12, counts.size() + 1e-12);
    }

    @Property(tries = 100)
    void oneForEqualSharesAndNForOneVoice(@ForAll @IntRange(min = 1, max = 8) int n,
            @ForAll @IntRange(min = 1, max = 100) int count) {
        assertThat(ParticipationBalance.dominance(repeat(count, n))).isCloseTo(1.0, within(1e-12));
        assertThat(ParticipationBalance.dominance(oneVoice(count, n))).isCloseTo((double) n, within(1e-12));
    }

    @Provide
    Arbitrary<List<Integer>> contributions() {
        return Contributions.ofAMeetingWhereSomeoneSpoke();
    }
}
