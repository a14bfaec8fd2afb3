package org.actionlearning.command.learningset;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.actionlearning.command.action.Action;
import org.actionlearning.command.domain.Rules;
import org.actionlearning.command.domain.UnknownEntity;
import org.actionlearning.command.learningset.SetCommands.AddMember;
import org.actionlearning.command.learningset.SetCommands.AskQuestion;
import org.actionlearning.command.learningset.SetCommands.ChangeFacilitator;
import org.actionlearning.command.learningset.SetCommands.CloseMeeting;
import org.actionlearning.command.learningset.SetCommands.CommitAction;
import org.actionlearning.command.learningset.SetCommands.DiscardMeeting;
import org.actionlearning.command.learningset.SetCommands.FormSet;
import org.actionlearning.command.learningset.SetCommands.MakeStatement;
import org.actionlearning.command.learningset.SetCommands.OpenMeeting;
import org.actionlearning.command.learningset.SetCommands.PresentChallenge;
import org.actionlearning.command.learningset.SetCommands.RecordPulse;
import org.actionlearning.command.learningset.SetCommands.RecordReflection;
import org.actionlearning.command.learningset.SetCommands.RemoveMember;
import org.actionlearning.command.learningset.SetCommands.RetractContribution;
import org.actionlearning.command.learningset.SetCommands.ScheduleMeeting;
import org.actionlearning.events.action.ActionCommitted;
import org.actionlearning.events.learningset.ChallengePresented;
import org.actionlearning.events.learningset.FacilitatorChanged;
import org.actionlearning.events.learningset.ContributionRetracted;
import org.actionlearning.events.learningset.MeetingClosed;
import org.actionlearning.events.learningset.MeetingDiscarded;
import org.actionlearning.events.learningset.MeetingOpened;
import org.actionlearning.events.learningset.MeetingScheduled;
import org.actionlearning.events.learningset.MemberJoined;
import org.actionlearning.events.learningset.MemberLeft;
import org.actionlearning.events.learningset.PulseAnswered;
import org.actionlearning.events.learningset.PulseContributed;
import org.actionlearning.events.learningset.QuestionAsked;
import org.actionlearning.events.learningset.ReflectionRecorded;
import org.actionlearning.events.learningset.SetFormed;
import org.actionlearning.events.learningset.StatementMade;
import org.actionlearning.service.pulse.PulseWindow;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.actionlearning.command.consistency.TransactionScopedLocks;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A learning set with its members and meetings. Sets live for months and record every question, so the
 * aggregate is cached and snapshotted (see {@code EventStoreConfiguration}).
 */
@Aggregate(snapshotTriggerDefinition = "learningSetSnapshotTrigger", cache = "learningSetCache",
        lockFactory = TransactionScopedLocks.BEAN)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class LearningSet {

    public static final int MAX_MEMBERS = 8;

    @AggregateIdentifier
    private UUID setId;
    private UUID programmeId;
    private UUID facilitatorId;
    private Set<UUID> members = new LinkedHashSet<>();
    private Map<UUID, Meeting> meetings = new HashMap<>();

    protected LearningSet() {
        // for Axon
    }

    /** Called by the programme that forms the set. */
    public LearningSet(FormSet command) {
        apply(new SetFormed(command.setId(), command.programmeId(), command.name(), command.facilitatorId(),
                command.facilitatorName()));
    }

    @CommandHandler
    public void handle(AddMember command) {
        Rules.require(!members.contains(command.personId()), "personId",
                command.personId() + " is already a member of this set");
        Rules.require(!command.personId().equals(facilitatorId), "personId",
                "the set's facilitator cannot also be a member");
        Rules.require(members.size() < MAX_MEMBERS, null, "a set has at most " + MAX_MEMBERS + " members");
        apply(new MemberJoined(setId, programmeId, command.personId(), command.displayName(), command.joinedOn()));
    }

    @CommandHandler
    public void handle(RemoveMember command) {
        if (!members.contains(command.personId())) {
            throw new UnknownEntity("personId", command.personId() + " is not a member of set " + setId);
        }
        apply(new MemberLeft(setId, programmeId, command.personId()));
    }

    /**
     * The former facilitator stops facilitating the set; the new one must not be one of its members. Two
     * administrators changing it at once both name the facilitator they replace: the second is refused.
     */
    @CommandHandler
    public void handle(ChangeFacilitator command) {
        Rules.require(facilitatorId.equals(command.currentFacilitatorId()), "currentFacilitatorId",
                "the set's facilitator has changed since (another change came first): look again before changing it");
        Rules.require(!command.facilitatorId().equals(facilitatorId), "facilitatorId",
                command.facilitatorId() + " already facilitates this set");
        Rules.require(!members.contains(command.facilitatorId()), "facilitatorId",
                "a member of the set cannot also be its facilitator");
        apply(new FacilitatorChanged(setId, programmeId, command.facilitatorId(), command.facilitatorName(),
                facilitatorId));
    }

    @CommandHandler
    public void handle(ScheduleMeeting command) {
        Rules.require(!meetings.containsKey(command.meetingId()), "meetingId", "meeting id already used");
        apply(new MeetingScheduled(setId, programmeId, command.meetingId(), command.scheduledFor()));
    }

    @CommandHandler
    public void handle(OpenMeeting command) {
        Meeting meeting = meeting(command.meetingId());
        meeting.requireScheduled();
        // one meeting at a time: a second open meeting (a reload, a second device) would split one meeting's
        // contributions in two and count it twice in the audit
        meetings.values().stream().filter(Meeting::isOpen).findFirst().ifPresent(open -> Rules.require(false,
                "meetingId", "meeting " + open.meetingId() + " of this set is still open: resume it, close it or "
                        + "discard it before opening another"));
        Rules.require(!command.attendees().isEmpty(), "attendees", "a meeting needs at least one attendee");
        for (UUID attendee : command.attendees()) {
            Rules.require(members.contains(attendee), "attendees", attendee + " is not a member of this set");
        }
        Rules.require(Set.copyOf(command.attendees()).size() == command.attendees().size(), "attendees",
                "an attendee is listed twice");
        LocalDate openedOn = command.openedOn() != null ? command.openedOn() : meeting.scheduledFor();
        apply(new MeetingOpened(setId, programmeId, command.meetingId(), openedOn, List.copyOf(command.attendees())));
    }

    @CommandHandler
    public void handle(PresentChallenge command) {
        Meeting meeting = openMeeting(command.meetingId());
        meeting.requireAttendee("presenterId", command.presenterId());
        apply(new ChallengePresented(setId, programmeId, command.meetingId(), command.challengeId(),
                command.presenterId(), command.title(), command.summary()));
    }

    @CommandHandler
    public void handle(AskQuestion command) {
        Meeting meeting = openMeeting(command.meetingId());
        meeting.requireAttendee("askerId", command.askerId());
        meeting.requireChallengeBeingPresented(command.challengeId());
        Rules.require(!command.askerId().equals(meeting.presenterOf(command.challengeId())), "askerId",
                "a presenter does not question their own challenge");
        Rules.notNegative("seconds", command.seconds());
        apply(new QuestionAsked(setId, programmeId, command.meetingId(), command.contributionId(),
                command.challengeId(), command.askerId(), command.form(), command.text(), command.seconds()));
    }

    @CommandHandler
    public void handle(MakeStatement command) {
        Meeting meeting = openMeeting(command.meetingId());
        meeting.requireAttendee("speakerId", command.speakerId());
        if (command.challengeId() != null) {
            meeting.requirePresentedHere(command.challengeId());
        }
        Rules.notNegative("seconds", command.seconds());
        apply(new StatementMade(setId, programmeId, command.meetingId(), command.contributionId(),
                command.speakerId(), command.kind(), command.challengeId(), command.text(), command.seconds()));
    }

    /** The action becomes an aggregate of its own: it lives on long after the meeting. */
    @CommandHandler
    public void handle(CommitAction command) throws Exception {
        Meeting meeting = openMeeting(command.meetingId());
        meeting.requirePresentedHere(command.challengeId());
        Rules.require(command.ownerId().equals(meeting.presenterOf(command.challengeId())), "ownerId",
                "actions are committed by the presenter of the challenge");
        Rules.notBefore("dueOn", command.dueOn(), meeting.openedOn(), "the meeting date");
        ActionCommitted committed = new ActionCommitted(command.actionId(), programmeId, setId, command.meetingId(),
                command.challengeId(), command.ownerId(), command.description(), meeting.openedOn(), command.dueOn());
        createNew(Action.class, () -> new Action(committed));
    }

    @CommandHandler
    public void handle(RecordReflection command) {
        Meeting meeting = openMeeting(command.meetingId());
        meeting.requireAttendee("personId", command.personId());
        apply(new ReflectionRecorded(setId, programmeId, command.meetingId(), command.reflectionId(),
                command.personId(), command.text()));
    }

    /**
     * An attendee's pulse, after the meeting opened. A second answer replaces the first: the earlier sealed answers
     * name the contribution to take out of the aggregates (opened here, as only the sealed copy links the two).
     * Only while the meeting's pulse window is open, and never for a discarded meeting.
     */
    @CommandHandler
    public void handle(RecordPulse command, PulseAnswers sealed, PulseWindow window) {
        Meeting meeting = meeting(command.meetingId());
        meeting.requireOpened();
        meeting.requirePulseWindowOpen(window);
        meeting.requireAttendee("personId", command.personId());
        String earlier = meeting.pulseOf(command.personId());
        UUID replaces = earlier == null ? null
                : sealed.open(earlier).map(PulseAnswers.Answers::responseId).orElse(null);
        PulseAnswers.Answers plain = command.plain();
        apply(new PulseContributed(setId, programmeId, command.meetingId(), plain.responseId(), plain.items(),
                plain.usefulness(), plain.confidence(), plain.commitment(), replaces));
        apply(new PulseAnswered(setId, programmeId, command.meetingId(), command.personId(), command.answers()));
    }

    @CommandHandler
    public void handle(CloseMeeting command) {
        Meeting meeting = openMeeting(command.meetingId());
        LocalDate closedOn = command.closedOn() != null ? command.closedOn() : meeting.openedOn();
        Rules.notBefore("closedOn", closedOn, meeting.openedOn(), "the opening date");
        apply(new MeetingClosed(setId, programmeId, command.meetingId(), closedOn));
    }

    /** An open meeting opened by mistake (or twice) is thrown away: it counts in no figure. */
    @CommandHandler
    public void handle(DiscardMeeting command) {
        Meeting meeting = openMeeting(command.meetingId());
        LocalDate discardedOn = command.discardedOn() != null ? command.discardedOn() : meeting.openedOn();
        Rules.notBefore("discardedOn", discardedOn, meeting.openedOn(), "the opening date");
        apply(new MeetingDiscarded(setId, programmeId, command.meetingId(), discardedOn));
    }

    /** The undo of a tap: an event that the projections subtract, the original stays in the log. */
    @CommandHandler
    public void handle(RetractContribution command) {
        Meeting meeting = openMeeting(command.meetingId());
        Meeting.Contribution contribution = meeting.contribution(command.contributionId());
        apply(new ContributionRetracted(setId, programmeId, command.meetingId(), command.contributionId(),
                contribution.personId(), contribution.form(), contribution.kind()));
    }

    private Meeting meeting(UUID meetingId) {
        Meeting meeting = meetings.get(meetingId);
        if (meeting == null) {
            throw new UnknownEntity("meetingId", "set " + setId + " has no meeting " + meetingId);
        }
        return meeting;
    }

    private Meeting openMeeting(UUID meetingId) {
        Meeting meeting = meeting(meetingId);
        meeting.requireOpen();
        return meeting;
    }

    @EventSourcingHandler
    void on(SetFormed event) {
        setId = event.setId();
        programmeId = event.programmeId();
        facilitatorId = event.facilitatorId();
    }

    @EventSourcingHandler
    void on(FacilitatorChanged event) {
        facilitatorId = event.facilitatorId();
    }

    @EventSourcingHandler
    void on(MemberJoined event) {
        members.add(event.personId());
    }

    @EventSourcingHandler
    void on(MemberLeft event) {
        members.remove(event.personId());
    }

    @EventSourcingHandler
    void on(MeetingScheduled event) {
        meetings.put(event.meetingId(), new Meeting(event.meetingId(), event.scheduledFor()));
    }

    @EventSourcingHandler
    void on(MeetingOpened event) {
        meetings.get(event.meetingId()).opened(event.openedOn(), event.attendees());
    }

    @EventSourcingHandler
    void on(ChallengePresented event) {
        meetings.get(event.meetingId()).presented(event.challengeId(), event.presenterId());
    }

    @EventSourcingHandler
    void on(PulseAnswered event) {
        meetings.get(event.meetingId()).pulseAnswered(event.personId(), event.answers());
    }

    @EventSourcingHandler
    void on(QuestionAsked event) {
        meetings.get(event.meetingId()).contributed(event.contributionId(),
                new Meeting.Contribution(event.askerId(), event.form(), null));
    }

    @EventSourcingHandler
    void on(StatementMade event) {
        meetings.get(event.meetingId()).contributed(event.contributionId(),
                new Meeting.Contribution(event.speakerId(), null, event.kind()));
    }

    @EventSourcingHandler
    void on(ContributionRetracted event) {
        meetings.get(event.meetingId()).retracted(event.contributionId());
    }

    @EventSourcingHandler
    void on(MeetingClosed event) {
        meetings.get(event.meetingId()).closed();
    }

    @EventSourcingHandler
    void on(MeetingDiscarded event) {
        meetings.get(event.meetingId()).discarded();
    }
}
