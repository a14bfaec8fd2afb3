package org.actionlearning.analytics.participation;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.actionlearning.analytics.Statistics;

/**
 * The participation numbers of one meeting, over its attendees.
 *
 * @param attendees         n, the number of attendees
 * @param gini              see {@link ParticipationBalance#gini}; null if nobody contributed
 * @param normalisedEntropy see {@link ParticipationBalance#normalisedEntropy}; null if n &lt; 2 or nobody contributed
 * @param dominance         see {@link ParticipationBalance#dominance}; null if nobody contributed
 * @param silentMembers     attendees with no contribution, in input order
 * @param questionFocus     questions / (questions + ADVICE statements); null if both are 0
 * @param openQuestionRatio open questions / questions; null if no questions
 */
public record MeetingParticipation(
        int attendees,
        Double gini,
        Double normalisedEntropy,
        Double dominance,
        List<UUID> silentMembers,
        Double questionFocus,
        Double openQuestionRatio) {

    public MeetingParticipation {
        silentMembers = List.copyOf(silentMembers);
    }

    /**
     * Computes the numbers of a meeting from one entry per attendee (silent attendees with zero
     * counts). An attendee may appear only once.
     */
    public static MeetingParticipation of(List<MemberContribution> attendees) {
        Objects.requireNonNull(attendees, "attendees");
        requireDistinctPeople(attendees);

        int[] contributions = attendees.stream().mapToInt(MemberContribution::contributions).toArray();
        List<UUID> silent = attendees.stream()
                .filter(member -> member.contributions() == 0)
                .map(MemberContribution::personId)
                .toList();
        int questions = attendees.stream().mapToInt(MemberContribution::questions).sum();
        int openQuestions = attendees.stream().mapToInt(MemberContribution::openQuestions).sum();
        int advice = attendees.stream().mapToInt(MemberContribution::advice).sum();

        return new MeetingParticipation(
                attendees.size(),
                ParticipationBalance.gini(contributions),
                ParticipationBalance.normalisedEntropy(contributions),
                ParticipationBalance.dominance(contributions),
                silent,
                Statistics.ratio(questions, questions + advice),
                Statistics.ratio(openQuestions, questions));
    }

    private static void requireDistinctPeople(List<MemberContribution> attendees) {
        Set<UUID> seen = new HashSet<>();
        for (MemberContribution attendee : attendees) {
            Objects.requireNonNull(attendee, "attendee");
            if (!seen.add(attendee.personId())) {
                throw new IllegalArgumentException("attendees lists person " + attendee.personId() + " twice");
            }
        }
    }
}
