package org.actionlearning.command.learningset;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.actionlearning.command.domain.Rules;
import org.actionlearning.command.domain.UnknownEntity;
import org.actionlearning.events.learningset.QuestionForm;
import org.actionlearning.events.learningset.StatementKind;
import org.actionlearning.service.pulse.PulseWindow;

/**
 * A meeting of a set: part of the {@link LearningSet} aggregate, so that "only attendees contribute" and
 * "questions refer to the challenge being presented" are checked against one consistent state.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Meeting {

    enum Status { SCHEDULED, OPEN, CLOSED, DISCARDED }

    /** A question ({@code form} set) or statement ({@code kind} set) recorded here, kept to be retracted. */
    record Contribution(UUID personId, QuestionForm form, StatementKind kind) {
    }

    private UUID meetingId;
    private LocalDate scheduledFor;
    private LocalDate openedOn;
    private Status status = Status.SCHEDULED;
    private Set<UUID> attendees = new LinkedHashSet<>();
    /** challengeId to presenterId, in order of presentation. */
    private Map<UUID, UUID> presenters = new LinkedHashMap<>();
    private UUID challengeBeingPresented;
    /** personId to their sealed pulse answers: one per person, a second replaces the first. */
    private Map<UUID, String> pulses = new LinkedHashMap<>();
    /** The questions and statements recorded and not retracted, by contribution id. */
    private Map<UUID, Contribution> contributions = new LinkedHashMap<>();

    Meeting() {
        // for snapshots
    }

    Meeting(UUID meetingId, LocalDate scheduledFor) {
        this.meetingId = meetingId;
        this.scheduledFor = scheduledFor;
    }

    void requireScheduled() {
        Rules.require(status == Status.SCHEDULED, "meetingId", "meeting " + meetingId + " was already opened");
    }

    void requireOpen() {
        Rules.require(status == Status.OPEN, "meetingId", "meeting " + meetingId + " is not open"
                + switch (status) {
                    case CLOSED -> " (it is closed)";
                    case DISCARDED -> " (it was discarded)";
                    default -> " (it has not been opened)";
                });
    }

    boolean isOpen() {
        return status == Status.OPEN;
    }

    UUID meetingId() {
        return meetingId;
    }

    /** The contribution to retract: one recorded in this meeting and not retracted yet. */
    Contribution contribution(UUID contributionId) {
        Contribution contribution = contributions.get(contributionId);
        if (contribution == null) {
            throw new UnknownEntity("contributionId", "meeting " + meetingId + " has no question or statement "
                    + contributionId + " to retract (none recorded, or already retracted)");
        }
        return contribution;
    }

    void contributed(UUID contributionId, Contribution contribution) {
        contributions.put(contributionId, contribution);
    }

    void retracted(UUID contributionId) {
        contributions.remove(contributionId);
    }

    void requireAttendee(String field, UUID personId) {
        Rules.require(attendees.contains(personId), field, personId + " is not an attendee of this meeting");
    }

    void requireChallengeBeingPresented(UUID challengeId) {
        Rules.require(challengeId.equals(challengeBeingPresented), "challengeId",
                "questions refer to the challenge being presented (" + challengeBeingPresented + ")");
    }

    void requirePresentedHere(UUID challengeId) {
        Rules.require(presenters.containsKey(challengeId), "challengeId",
                "challenge " + challengeId + " was not presented in this meeting");
    }

    UUID presenterOf(UUID challengeId) {
        return presenters.get(challengeId);
    }

    LocalDate scheduledFor() {
        return scheduledFor;
    }

    LocalDate openedOn() {
        return openedOn;
    }

    void opened(LocalDate on, Iterable<UUID> present) {
        status = Status.OPEN;
        openedOn = on;
        present.forEach(attendees::add);
    }

    void presented(UUID challengeId, UUID presenterId) {
        presenters.put(challengeId, presenterId);
        challengeBeingPresented = challengeId;
    }

    void requireOpened() {
        Rules.require(status != Status.SCHEDULED, "meetingId", "meeting " + meetingId + " has not been opened");
    }

    /** Answers (new or replacing) only while the window is open: afterwards the meeting's aggregate is final. */
    void requirePulseWindowOpen(PulseWindow window) {
        Rules.require(status != Status.DISCARDED, "meetingId", "meeting " + meetingId + " was discarded");
        // a meeting opened with a later date has not happened yet: nobody can say how it felt
        Rules.require(!window.today().isBefore(openedOn), "meetingId", "the pulse of meeting " + meetingId
                + " opens on " + openedOn + ", the meeting's date");
        Rules.require(window.isOpen(openedOn), "meetingId", "the pulse of meeting " + meetingId
                + " closed on " + window.closesOn(openedOn));
    }

    /** The sealed answers the person gave before, or null. */
    String pulseOf(UUID personId) {
        return pulses.get(personId);
    }

    void pulseAnswered(UUID personId, String answers) {
        pulses.put(personId, answers);
    }

    void closed() {
        status = Status.CLOSED;
    }

    void discarded() {
        status = Status.DISCARDED;
    }

    /** Value equality, so that Axon's test fixture can compare aggregate state before and after a command. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Meeting m && Objects.equals(meetingId, m.meetingId)
                && Objects.equals(scheduledFor, m.scheduledFor) && Objects.equals(openedOn, m.openedOn)
                && status == m.status && attendees.equals(m.attendees) && presenters.equals(m.presenters)
                && Objects.equals(challengeBeingPresented, m.challengeBeingPresented)
                && Objects.equals(pulses, m.pulses)
                && contributions.equals(m.contributions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(meetingId, status);
    }
}
