package org.actionlearning.query.read.fairness;

import org.actionlearning.query.read.programme.CountsReader;
import static org.actionlearning.query.jooq.Tables.CHALLENGE;
import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.MEETING;
import static org.actionlearning.query.jooq.Tables.SET_MEMBER;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.actionlearning.analytics.participation.MeetingParticipation;
import org.actionlearning.analytics.participation.MemberContribution;
import org.actionlearning.analytics.participation.PresenterRotation;
import org.actionlearning.query.jooq.tables.records.LearningSetRecord;
import org.actionlearning.query.read.ParticipationReader;
import org.actionlearning.query.read.ParticipationReader.Attendee;
import org.actionlearning.query.read.ParticipationReader.HeldMeeting;
import org.actionlearning.query.read.PastView;
import org.actionlearning.query.read.PersonalValues;
import org.actionlearning.query.read.PersonalValues.Disclosure;
import org.actionlearning.query.read.ReadSnapshot;
import org.actionlearning.query.read.UnknownResource;
import org.actionlearning.query.read.fairness.SetFairness.MeetingFairness;
import org.actionlearning.query.read.fairness.SetFairness.MemberFairness;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Participation balance of a set, meeting by meeting, and its presenter rotation: read in one snapshot, names opened
 * after it.
 */
@Service
public class FairnessQueries {

    private final DSLContext db;
    private final ParticipationReader participation;
    private final PersonalValues personal;
    private final ReadSnapshot snapshot;

    FairnessQueries(DSLContext db, ParticipationReader participation, PersonalValues personal,
                    ReadSnapshot snapshot) {
        this.db = db;
        this.participation = participation;
        this.personal = personal;
        this.snapshot = snapshot;
    }

    private record Read(LearningSetRecord set, List<UUID> currentMembers, List<UUID> presenters,
                        List<HeldMeeting> meetings) {
    }

    public SetFairness fairness(UUID setId) {
        return fairness(setId, PastView.EVERYTHING);
    }

    /**
     * The audit in the view: the meetings opened by its date (and recorded by its instant), each attendee's counts
     * as recorded by then, and the presenter rotation over the members of the set in the view and the challenges
     * presented in those meetings.
     */
    public SetFairness fairness(UUID setId, PastView view) {
        Read read = snapshot.read(() -> {
            LearningSetRecord set = db.selectFrom(LEARNING_SET).where(LEARNING_SET.SET_ID.eq(setId)).fetchOne();
            if (set == null) {
                throw new UnknownResource("setId", "learning set", setId);
            }
            List<UUID> currentMembers = db.select(SET_MEMBER.PERSON_ID).from(SET_MEMBER)
                    .where(SET_MEMBER.SET_ID.eq(setId)).and(view == PastView.EVERYTHING
                            ? SET_MEMBER.ACTIVE.isTrue() : CountsReader.memberInView(view))
                    .fetch(SET_MEMBER.PERSON_ID);
            List<UUID> presenters = db.select(CHALLENGE.PRESENTER_ID).from(CHALLENGE)
                    .join(MEETING).on(MEETING.MEETING_ID.eq(CHALLENGE.MEETING_ID))
                    .where(CHALLENGE.SET_ID.eq(setId)).and(MEETING.OPENED_ON.le(view.asOf()))
                    .and(view.known(MEETING.OPENED_AT)).and(view.known(CHALLENGE.RECORDED_AT))
                    // a discarded meeting counts in no figure, so neither does a challenge presented in it
                    .and(MEETING.STATUS.ne("DISCARDED"))
                    .fetch(CHALLENGE.PRESENTER_ID);
            return new Read(set, currentMembers, presenters, participation.ofSet(setId, view));
        });
        LearningSetRecord set = read.set();
        List<UUID> currentMembers = read.currentMembers();
        List<UUID> presenters = read.presenters();
        List<HeldMeeting> meetings = read.meetings();
        List<Attendee> attendees = meetings.stream().flatMap(m -> m.attendees().stream()).toList();
        Disclosure names = personal.disclose(attendees.stream().map(Attendee::displayName).toList(),
                attendees.stream().map(Attendee::personId).toList());
        return new SetFairness(set.getSetId(), set.getName(), PresenterRotation.of(currentMembers, presenters),
                meetings.stream().map(meeting -> meeting(meeting, names)).toList());
    }

    private static MeetingFairness meeting(HeldMeeting meeting, Disclosure names) {
        MeetingParticipation numbers = meeting.participation();
        List<MemberFairness> members = meeting.attendees().stream().map(attendee -> member(attendee, names))
                .sorted(Comparator.comparing(MemberFairness::displayName, PersonalValues.BY_NAME)
                        .thenComparing(MemberFairness::personId))
                .toList();
        return new MeetingFairness(meeting.meetingId(), meeting.openedOn(), numbers.attendees(), numbers.gini(),
                numbers.normalisedEntropy(), numbers.dominance(), numbers.silentMembers(), numbers.questionFocus(),
                numbers.openQuestionRatio(), members);
    }

    private static MemberFairness member(Attendee attendee, Disclosure names) {
        MemberContribution counts = attendee.contribution();
        return new MemberFairness(attendee.personId(), names.text(attendee.displayName()), counts.questions(),
                counts.openQuestions(), counts.statements(), counts.advice(), counts.contributions(),
                attendee.presented(), names.erased(attendee.personId(), attendee.displayName()));
    }
}
