package org.actionlearning.analytics.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SafetyScoreProperties {

    @Property
    void reversingTwiceIsTheIdentity(@ForAll @IntRange(min = 1, max = 7) int answer) {
        assertThat(SafetyResponse.reverse(SafetyResponse.reverse(answer))).isEqualTo(answer);
    }

    @Property
    void aResponseToAWithheldMeetingChangesNothingAReaderCanSee(
            @ForAll @Size(max = 6) List<@Size(max = 6) List<@net.jqwik.api.From("responses") SafetyResponse>> meetings,
            @ForAll("responses") SafetyResponse late) {
        List<List<SafetyResponse>> small = new ArrayList<>(meetings);
        small.add(List.of());              // a meeting nobody answered yet
        SafetyScore before = SafetyScore.ofMeetings(small);

        List<List<SafetyResponse>> after = new ArrayList<>(meetings);
        after.add(List.of(late));          // one answer: still withheld
        assertThat(SafetyScore.ofMeetings(after)).isEqualTo(before);
        assertThat(SafetyScore.ofMeeting(List.of(late)).safetyScore()).isNull();
    }

    @Property
    void scoresStayOnTheScale(@ForAll("responses") SafetyResponse response) {
        assertThat(response.score()).isBetween(1.0, 7.0);
    }

    @Provide
    Arbitrary<SafetyResponse> responses() {
        return Arbitraries.integers().between(1, 7).list().ofSize(7).map(SafetyResponse::new);
    }
}
