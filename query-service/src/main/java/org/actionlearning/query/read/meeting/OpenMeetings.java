package org.actionlearning.query.read.meeting;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.actionlearning.query.read.set.SetRecord;
import org.actionlearning.query.read.set.SetRecord.Person;

/**
 * A set's open meetings as far as the read side knows them: what the meeting console needs to resume one after a
 * reload, on a second device or after a dropped connection. Names and texts as in {@link SetRecord}.
 *
 * @param personalDataUnavailable the vault could not be asked: names and titles are missing from this answer
 */
public record OpenMeetings(UUID setId, List<OpenMeeting> meetings, boolean personalDataUnavailable) {

    /**
     * @param presenting    the challenge presented last (the one questions go to), null before the first
     * @param tally         each attendee's counts so far, retracted contributions taken out
     * @param contributions the questions and statements not retracted, in the order recorded: the last one is what
     *                      the console's undo takes back
     * @param challenges    every challenge presented so far, in the order presented (the last is {@code presenting})
     * @param actions       the actions committed in the meeting so far, in the order committed
     */
    public record OpenMeeting(UUID meetingId, LocalDate scheduledFor, LocalDate openedOn, List<Person> attendees,
                              Challenge presenting, List<Tally> tally, List<Contribution> contributions,
                              List<Challenge> challenges, List<CommittedAction> actions) {
    }

    public record CommittedAction(UUID actionId, UUID challengeId, UUID ownerId, String description, LocalDate dueOn) {
    }

    public record Challenge(UUID challengeId, Person presenter, String title) {
    }

    /** @param contributions questions + statements */
    public record Tally(UUID personId, int questions, int openQuestions, int statements, int advice, int presented,
                        int contributions) {
    }

    /**
     * @param kind          QUESTION or STATEMENT
     * @param questionForm  OPEN or CLOSED for a question
     * @param statementKind ANSWER, ADVICE, REFLECTION or OTHER for a statement
     */
    public record Contribution(UUID contributionId, UUID personId, String kind, String questionForm,
                               String statementKind, UUID challengeId) {
    }
}
