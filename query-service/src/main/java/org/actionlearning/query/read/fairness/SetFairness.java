package org.actionlearning.query.read.fairness;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Participation in one set, meeting by meeting (opened meetings in the order held). Names individuals: for the
 * set's members and facilitator only.
 *
 * @param presenterRotation current members who have presented at least once / current members; null without members
 */
public record SetFairness(UUID setId, String name, Double presenterRotation, List<MeetingFairness> meetings) {

    /**
     * The numbers of one meeting over its attendees (see {@code MeetingParticipation}).
     *
     * @param heldOn  the date it was opened
     * @param members the attendees with their counts, silent attendees with zeros
     */
    public record MeetingFairness(UUID meetingId, LocalDate heldOn, int attendees, Double gini,
                                  Double normalisedEntropy, Double dominance, List<UUID> silentMembers,
                                  Double questionFocus, Double openQuestionRatio, List<MemberFairness> members) {
    }

    /**
     * @param displayName   null once the person was erased, or while their name cannot be opened
     * @param contributions questions + statements (presenting is not a contribution)
     * @param erased        the person was erased: their counts stay, their name is gone
     */
    public record MemberFairness(UUID personId, String displayName, int questions, int openQuestions, int statements,
                                 int advice, int contributions, int presented, boolean erased) {
    }
}
