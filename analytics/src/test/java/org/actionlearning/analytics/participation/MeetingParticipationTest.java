package org.actionlearning.analytics.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MeetingParticipationTest {

    private final UUID ann = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID cat = UUID.randomUUID();
    private final UUID dan = UUID.randomUUID();

    @Test
    void numbersOfAMeetingWithTwoSilentAttendees() {
        MeetingParticipation meeting = MeetingParticipation.of(List.of(
                // questions, open, statements, advice: contributions 3 + 1 = 4
                new MemberContribution(ann, 3, 2, 1, 1),
                // 0 + 1 = 1
                new MemberContribution(bob, 0, 0, 1, 0),
                MemberContribution.silent(cat),
                MemberContribution.silent(dan)));

        assertThat(meeting.attendees()).isEqualTo(4);
        // contributions 4, 1, 0, 0: 2 × (3 + 4 + 4 + 1 + 1 + 0) / (2 × 4² × 1.25) = 26 / 40
        assertThat(meeting.gini()).isCloseTo(26.0 / 40, within(1e-12));
        assertThat(meeting.normalisedEntropy())
                .isCloseTo(-(0.8 * Math.log(0.8) + 0.2 * Math.log(0.2)) / Math.log(4), within(1e-12));
        assertThat(meeting.dominance()).isCloseTo(4 * 4.0 / 5, within(1e-12));
        assertThat(meeting.silentMembers()).containsExactly(cat, dan);
        // questions 3, advice statements 1: 3 / (3 + 1)
        assertThat(meeting.questionFocus()).isCloseTo(3.0 / (3 + 1), within(1e-12));
        // open questions 2 of 3
        assertThat(meeting.openQuestionRatio()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void presentingIsNotAContribution() {
        // the presenter spoke only by presenting: passed with zero counts, hence silent
        MeetingParticipation meeting = MeetingParticipation.of(List.of(
                MemberContribution.silent(ann),
                new MemberContribution(bob, 2, 2, 0, 0),
                new MemberContribution(cat, 2, 1, 0, 0)));

        assertThat(meeting.silentMembers()).containsExactly(ann);
        // contributions 0, 2, 2: 2 × (2 + 2 + 0) / (2 × 9 × 4/3) = 8 / 24
        assertThat(meeting.gini()).isCloseTo(8.0 / 24, within(1e-12));
        assertThat(meeting.questionFocus()).isEqualTo(1.0); // 4 / (4 + 0)
        assertThat(meeting.openQuestionRatio()).isCloseTo(3.0 / 4, within(1e-12));
    }

    @Test
    void allSilentMeetingHasOnlyUndefinedRatios() {
        MeetingParticipation meeting = MeetingParticipation.of(List.of(
                MemberContribution.silent(ann), MemberContribution.silent(bob)));

        assertThat(meeting.attendees()).isEqualTo(2);
        assertThat(meeting.gini()).isNull();
        assertThat(meeting.normalisedEntropy()).isNull();
        assertThat(meeting.dominance()).isNull();
        assertThat(meeting.silentMembers()).containsExactly(ann, bob);
        assertThat(meeting.questionFocus()).isNull();
        assertThat(meeting.openQuestionRatio()).isNull();
    }

    @Test
    void adviceWithoutQuestionsHasZeroFocusAndNoOpenQuestionRatio() {
        MeetingParticipation meeting = MeetingParticipation.of(List.of(
                new MemberContribution(ann, 0, 0, 2, 2),
                new MemberContribution(bob, 0, 0, 3, 1)));

        assertThat(meeting.questionFocus()).isEqualTo(0.0); // 0 / (0 + 3)
        assertThat(meeting.openQuestionRatio()).isNull();
        assertThat(meeting.silentMembers()).isEmpty();
    }

    @Test
    void singleAttendeeHasNoEntropy() {
        MeetingParticipation meeting = MeetingParticipation.of(List.of(new MemberContribution(ann, 1, 0, 1, 0)));

        assertThat(meeting.gini()).isEqualTo(0.0);
        assertThat(meeting.normalisedEntropy()).isNull();
        assertThat(meeting.dominance()).isEqualTo(1.0);
    }

    @Test
    void emptyMeeting() {
        MeetingParticipation meeting = MeetingParticipation.of(List.of());

        assertThat(meeting.attendees()).isZero();
        assertThat(meeting.gini()).isNull();
        assertThat(meeting.dominance()).isNull();
        assertThat(meeting.silentMembers()).isEmpty();
    }

    @Test
    void invalidContributionsAreRejectedNamingTheArgument() {
        assertThatThrownBy(() -> new MemberContribution(ann, -1, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("questions");
        assertThatThrownBy(() -> new MemberContribution(ann, 0, 0, -2, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("statements");
        assertThatThrownBy(() -> new MemberContribution(ann, 1, 2, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openQuestions");
        assertThatThrownBy(() -> new MemberContribution(ann, 0, 0, 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("advice");
    }

    @Test
    void anAttendeeListedTwiceIsRejected() {
        assertThatThrownBy(() -> MeetingParticipation.of(List.of(
                MemberContribution.silent(ann), MemberContribution.silent(ann))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(ann.toString());
    }
}
