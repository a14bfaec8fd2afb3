package org.actionlearning.query.projection;

import static org.actionlearning.query.jooq.Tables.MEETING;
import static org.actionlearning.query.jooq.Tables.MEETING_ATTENDEE;
import static org.actionlearning.query.jooq.Tables.MEETING_FIGURES;
import static org.actionlearning.query.jooq.Tables.MEMBER_PARTICIPATION;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.actionlearning.analytics.participation.MeetingParticipation;
import org.actionlearning.analytics.participation.MemberContribution;
import org.actionlearning.events.learningset.MeetingClosed;
import org.actionlearning.projection.Projection;
import org.actionlearning.projection.ProjectionDb;
import org.actionlearning.projection.ProjectionHandlers;
import org.actionlearning.projection.ReadModelWrites;
import org.actionlearning.projection.TransactionBound;
import org.actionlearning.query.readmodel.AttendeeCounts;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The participation figures of each closed meeting (docs/numbers.md), stored once when it closes: a closed
 * meeting's counts cannot change, so dashboards read its figures instead of recomputing them from every attendee's
 * counts on each request. Computed at the end of the batch that closed the meeting, after the batch's counts are
 * written, with one read for all the meetings the batch closed.
 */
@Component
public class MeetingFiguresProjection implements Projection {

    private final DSLContext db;
    private final ReadModelWrites writes;
    private final Query storeFigures;

    public MeetingFiguresProjection(@ProjectionDb DSLContext db, ReadModelWrites writes) {
        this.db = db;
        this.writes = writes;
        var f = MEETING_FIGURES;
        this.storeFigures = db.insertInto(f, f.MEETING_ID, f.SET_ID, f.PROGRAMME_ID, f.ATTENDEES, f.GINI,
                        f.NORMALISED_ENTROPY, f.DOMINANCE, f.QUESTION_FOCUS, f.OPEN_QUESTION_RATIO)
                .values(Collections.nCopies(9, null))
                .onConflict(f.MEETING_ID).doUpdate()
                .set(f.ATTENDEES, DSL.excluded(f.ATTENDEES))
                .set(f.GINI, DSL.excluded(f.GINI))
                .set(f.NORMALISED_ENTROPY, DSL.excluded(f.NORMALISED_ENTROPY))
                .set(f.DOMINANCE, DSL.excluded(f.DOMINANCE))
                .set(f.QUESTION_FOCUS, DSL.excluded(f.QUESTION_FOCUS))
                .set(f.OPEN_QUESTION_RATIO, DSL.excluded(f.OPEN_QUESTION_RATIO));
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(MEETING_FIGURES);
    }

    @Override
    public void register(ProjectionHandlers handlers) {
        handlers.on(MeetingClosed.class, (e, envelope) -> closedInBatch().add(e.meetingId()))
                .afterEvents(this::storeFiguresOfClosedMeetings);
    }

    private void storeFiguresOfClosedMeetings() {
        Set<UUID> closed = closedInBatch();
        if (closed.isEmpty()) {
            return;
        }
        try {
            writes.flush();
            for (ClosedMeeting meeting : closedMeetings(closed)) {
                MeetingParticipation figures = MeetingParticipation.of(meeting.attendees());
                writes.add(MEETING_FIGURES, meeting.meetingId(), storeFigures, meeting.meetingId(), meeting.setId(),
                        meeting.programmeId(), figures.attendees(), figures.gini(), figures.normalisedEntropy(),
                        figures.dominance(), figures.questionFocus(), figures.openQuestionRatio());
            }
        } finally {
            closed.clear();
        }
    }

    /**
     * The meetings closed by the batch of the current transaction (batches run side by side on the projection's
     * writer threads, each in its own transaction), forgotten when it ends, committed or not.
     */
    private Set<UUID> closedInBatch() {
        Set<UUID> closed = TransactionBound.get(this, HashSet::new, unused -> {
        });
        if (closed == null) {
            throw new IllegalStateException("meetings are projected inside a transaction");
        }
        return closed;
    }

    private record ClosedMeeting(UUID meetingId, UUID setId, UUID programmeId, List<MemberContribution> attendees) {
    }

    /** The meetings that are closed, each with its attendees' counts (zero for a silent attendee). */
    private List<ClosedMeeting> closedMeetings(Set<UUID> meetingIds) {
        var m = MEETING;
        var a = MEETING_ATTENDEE;
        var p = MEMBER_PARTICIPATION;
        Map<UUID, ClosedMeeting> meetings = new LinkedHashMap<>();
        for (Record row : db.select(m.MEETING_ID, m.SET_ID, m.PROGRAMME_ID, a.PERSON_ID,
                        p.QUESTIONS, p.OPEN_QUESTIONS, p.STATEMENTS, p.ADVICE)
                .from(m)
                .leftJoin(a).on(a.MEETING_ID.eq(m.MEETING_ID))
                .leftJoin(p).on(p.MEETING_ID.eq(a.MEETING_ID).and(p.PERSON_ID.eq(a.PERSON_ID)))
                .where(m.MEETING_ID.in(meetingIds)).and(m.CLOSED_ON.isNotNull())
                // a fixed order: the figures are sums of doubles, whose last bits depend on the order added, and a
                // rebuild must store exactly what incremental projection stored
                .orderBy(m.MEETING_ID, a.PERSON_ID)
                .fetch()) {
            ClosedMeeting meeting = meetings.computeIfAbsent(row.get(m.MEETING_ID), id -> new ClosedMeeting(id,
                    row.get(m.SET_ID), row.get(m.PROGRAMME_ID), new ArrayList<>()));
            if (row.get(a.PERSON_ID) != null) {
                meeting.attendees().add(AttendeeCounts.of(row.get(a.PERSON_ID), row.get(p.QUESTIONS),
                        row.get(p.OPEN_QUESTIONS), row.get(p.STATEMENTS), row.get(p.ADVICE)));
            }
        }
        return List.copyOf(meetings.values());
    }
}
