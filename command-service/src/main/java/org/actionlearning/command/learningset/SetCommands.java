package org.actionlearning.command.learningset;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.actionlearning.command.access.AnsweredBySelf;
import org.actionlearning.command.access.ForAdministrators;
import org.actionlearning.events.learningset.QuestionForm;
import org.actionlearning.events.learningset.StatementKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands about a learning set and its meetings. */
public final class SetCommands {

    private SetCommands() {
    }

    /** Handled by the programme, which creates the set. */
    public record FormSet(@TargetAggregateIdentifier UUID programmeId, UUID setId, String name, UUID facilitatorId,
                          String facilitatorName) {
    }

    /** {@code joinedOn} is optional: the date the member joined, if the facilitator records it. */
    public record AddMember(@TargetAggregateIdentifier UUID setId, UUID personId, String displayName,
                            LocalDate joinedOn) {
    }

    public record RemoveMember(@TargetAggregateIdentifier UUID setId, UUID personId) {
    }

    /**
     * Another person facilitates the set from now on: the organisation's administrators decide that.
     * {@code currentFacilitatorId} is the one they replace: refused if another change came first.
     */
    public record ChangeFacilitator(@TargetAggregateIdentifier UUID setId, UUID facilitatorId, String facilitatorName,
                                    UUID currentFacilitatorId) implements ForAdministrators {
    }

    public record ScheduleMeeting(@TargetAggregateIdentifier UUID setId, UUID meetingId, LocalDate scheduledFor) {
    }

    /** {@code openedOn} null means the scheduled date. */
    public record OpenMeeting(@TargetAggregateIdentifier UUID setId, UUID meetingId, List<UUID> attendees,
                              LocalDate openedOn) {
    }

    public record PresentChallenge(@TargetAggregateIdentifier UUID setId, UUID meetingId, UUID challengeId,
                                   UUID presenterId, String title, String summary) {
    }

    public record AskQuestion(@TargetAggregateIdentifier UUID setId, UUID meetingId, UUID contributionId,
                              UUID challengeId, UUID askerId, QuestionForm form, String text, Integer seconds) {
    }

    public record MakeStatement(@TargetAggregateIdentifier UUID setId, UUID meetingId, UUID contributionId,
                                UUID speakerId, StatementKind kind, UUID challengeId, String text, Integer seconds) {
    }

    /** Handled by the set, which checks the meeting and creates the action. */
    public record CommitAction(@TargetAggregateIdentifier UUID setId, UUID meetingId, UUID actionId, UUID challengeId,
                               UUID ownerId, String description, LocalDate dueOn) {
    }

    public record RecordReflection(@TargetAggregateIdentifier UUID setId, UUID meetingId, UUID reflectionId,
                                   UUID personId, String text) {
    }

    /**
     * An attendee's after-meeting pulse, answered for themself: {@code answers} is the same, sealed for them
     * ({@link PulseAnswers}); the plain figures go out without the person.
     */
    public record RecordPulse(@TargetAggregateIdentifier UUID setId, UUID meetingId, UUID personId,
                              PulseAnswers.Answers plain, String answers) implements AnsweredBySelf {
    }

    /** {@code closedOn} null means the opening date. */
    public record CloseMeeting(@TargetAggregateIdentifier UUID setId, UUID meetingId, LocalDate closedOn) {
    }

    /** {@code discardedOn} null means the opening date. */
    public record DiscardMeeting(@TargetAggregateIdentifier UUID setId, UUID meetingId, LocalDate discardedOn) {
    }

    /** Takes back a question or statement of an open meeting (the console's undo). */
    public record RetractContribution(@TargetAggregateIdentifier UUID setId, UUID meetingId, UUID contributionId) {
    }
}
