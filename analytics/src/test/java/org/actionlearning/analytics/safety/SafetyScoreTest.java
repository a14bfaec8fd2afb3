package org.actionlearning.analytics.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SafetyScoreTest {

    // scored (items 1, 3, 5 reversed as 8 − x): [6, 6, 5, 5, 7, 6, 7] -> 42 / 7 = 6
    private static final SafetyResponse SAFE = response(2, 6, 3, 5, 1, 6, 7);
    // scored: [1, 2, 2, 3, 1, 2, 1] -> 12 / 7
    private static final SafetyResponse UNSAFE = response(7, 2, 6, 3, 7, 2, 1);
    // scored: all 4 -> 4
    private static final SafetyResponse NEUTRAL = response(4, 4, 4, 4, 4, 4, 4);

    @Test
    void negativelyWordedItemsAreReversed() {
        assertThat(SAFE.scoredItems()).containsExactly(6, 6, 5, 5, 7, 6, 7);
        assertThat(SAFE.score()).isEqualTo(6.0);
        assertThat(UNSAFE.score()).isCloseTo(12.0 / 7, within(1e-12));
    }

    @Test
    void aMeetingOfThreeIsTheMeanOfItsResponses() {
        SafetyScore meeting = SafetyScore.ofMeeting(List.of(SAFE, UNSAFE, NEUTRAL));

        assertThat(meeting.respondents()).isEqualTo(3);
        assertThat(meeting.safetyScore()).isCloseTo((6 + 12.0 / 7 + 4) / 3, within(1e-12));
        assertThat(meeting.itemMeans().get(0)).isCloseTo((6 + 1 + 4) / 3.0, within(1e-12));
        assertThat(meeting.itemMeans().get(4)).isCloseTo((7 + 1 + 4) / 3.0, within(1e-12));
        assertThat(meeting.withheld()).isNull();
    }

    @Test
    void fewerThanThreeResponsesAreWithheld() {
        SafetyScore meeting = SafetyScore.ofMeeting(List.of(SAFE, UNSAFE));

        assertThat(meeting.safetyScore()).isNull();
        assertThat(meeting.itemMeans()).isEmpty();
        assertThat(meeting.withheld()).isEqualTo("fewer than 3 responses");
    }

    @Test
    void aSetPoolsOnlyTheMeetingsThatAreShown() {
        // meeting 1 shown (3 responses), meeting 2 withheld (2): the set is meeting 1's figure, not all five's
        SafetyScore set = SafetyScore.ofMeetings(List.of(List.of(SAFE, UNSAFE, NEUTRAL), List.of(SAFE, SAFE)));

        assertThat(set.respondents()).isEqualTo(3);
        assertThat(set.safetyScore()).isCloseTo((6 + 12.0 / 7 + 4) / 3, within(1e-12));
    }

    @Test
    void answersOutsideOneToSevenOrNotSevenOfThemAreRefused() {
        assertThatThrownBy(() -> response(0, 4, 4, 4, 4, 4, 4)).hasMessageContaining("1..7");
        assertThatThrownBy(() -> new SafetyResponse(List.of(4, 4, 4))).hasMessageContaining("7 answers");
    }

    @Test
    void reactionItemsAreMeansOverThoseWhoAnsweredThem() {
        ReactionScore meeting = ReactionScore.ofMeeting(List.of(new ReactionResponse(5, 4, null),
                new ReactionResponse(4, 2, 5), new ReactionResponse(3, 3, 4)));

        assertThat(meeting.usefulness()).isEqualTo(4.0);
        assertThat(meeting.confidence()).isEqualTo(3.0);
        assertThat(meeting.commitment()).isNull(); // two answers only
        assertThat(meeting.respondents()).isEqualTo(3);
    }

    static SafetyResponse response(Integer... items) {
        return new SafetyResponse(List.of(items));
    }
}
