package org.actionlearning.query.read;

import static org.actionlearning.query.jooq.Tables.MEETING;

import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The fewer-than-three rule of a sponsor's or an organisation's figures, applied in one place: they count the
 * activity, actions and participation of the meetings held with at least {@link MinimumGroup#PEOPLE} attendees, and
 * nothing of any other meeting. A meeting's attendees are fixed when it opens, so whether it counts never changes:
 * a set that shrinks to two people adds nothing about them from then on, a pair that a third person joins does not
 * bring its past as a pair into any figure, and a meeting of two moves no total (before and after it, every figure
 * is the same). A set's row shows figures over its counted meetings; with none, it is withheld, and with no counted
 * meeting in the programme the totals are withheld. Dashboard, set breakdown, sponsors' action list and the pages and
 * exports built on them all filter here.
 */
@Component
public class ReportedMeetings {

    private final DSLContext db;

    ReportedMeetings(DSLContext db) {
        this.db = db;
    }

    /**
     * The meetings whose figures may reach a sponsor, as a condition on {@code meeting}: held with enough
     * attendees, and not discarded (a meeting opened by mistake counts in no figure).
     */
    public static Condition counted() {
        return MEETING.ATTENDEES.ge(MinimumGroup.PEOPLE).and(MEETING.STATUS.ne("DISCARDED"));
    }

    /** Whether a meeting of so many attendees counts. */
    public static boolean counts(int attendees) {
        return !MinimumGroup.tooSmall(attendees);
    }

    /** The programme's meetings that count: whose actions a sponsor may list. */
    public Set<UUID> ofProgramme(UUID programmeId) {
        return Set.copyOf(db.select(MEETING.MEETING_ID).from(MEETING)
                .where(MEETING.PROGRAMME_ID.eq(programmeId)).and(counted())
                .fetch(MEETING.MEETING_ID));
    }

    /** Whether any meeting of the programme counts in the view: held by its date, recorded by its instant. */
    public boolean anyInView(UUID programmeId, PastView view) {
        return db.fetchExists(db.selectOne().from(MEETING).where(MEETING.PROGRAMME_ID.eq(programmeId))
                .and(counted()).and(MEETING.OPENED_ON.le(view.asOf())).and(view.known(MEETING.OPENED_AT)));
    }
}
