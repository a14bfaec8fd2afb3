package org.actionlearning.query.read.set;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What was said in a set, meeting by meeting: the confidential record, for the set's members and facilitator only.
 * Names and texts are null where the person was erased ({@code erased}) or while they cannot be opened
 * ({@code personalDataUnavailable}).
 *
 * @param personalDataUnavailable the vault could not be asked: names and texts are missing from this answer
 */
public record SetRecord(UUID setId, String name, Person facilitator, List<MeetingRecord> meetings,
                        boolean personalDataUnavailable) {

    /** Someone named in the record. */
    public record Person(UUID personId, String displayName, boolean erased) {
    }

    /** @param heldOn the date it was opened; null if it was only scheduled */
    public record MeetingRecord(UUID meetingId, LocalDate scheduledFor, LocalDate heldOn, LocalDate closedOn,
                                String status, List<ChallengeRecord> challenges, List<ContributionRecord> contributions,
                                List<ReflectionRecord> reflections) {
    }

    public record ChallengeRecord(UUID challengeId, Person presenter, String title, String summary) {
    }

    /**
     * A question or a statement, in the order recorded.
     *
     * @param kind          QUESTION or STATEMENT
     * @param questionForm  OPEN or CLOSED for a question
     * @param statementKind ANSWER, ADVICE, REFLECTION or OTHER for a statement
     * @param retracted     taken back during the meeting (the console's undo): kept here, counted nowhere
     */
    public record ContributionRecord(UUID contributionId, String kind, String questionForm, String statementKind,
                                     UUID challengeId, Person author, String text, Integer seconds,
                                     boolean retracted) {
    }

    public record ReflectionRecord(UUID reflectionId, Person author, String text) {
    }
}
