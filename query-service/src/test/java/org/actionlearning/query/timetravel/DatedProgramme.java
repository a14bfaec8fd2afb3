package org.actionlearning.query.timetravel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.action.ActionAbandoned;
import org.actionlearning.events.action.ActionCommitted;
import org.actionlearning.events.action.ActionCompleted;
import org.actionlearning.events.action.ActionRescheduled;
import org.actionlearning.events.learningset.ChallengePresented;
import org.actionlearning.events.learningset.MeetingClosed;
import org.actionlearning.events.learningset.MeetingDiscarded;
import org.actionlearning.events.learningset.MeetingOpened;
import org.actionlearning.events.learningset.MeetingScheduled;
import org.actionlearning.events.learningset.MemberJoined;
import org.actionlearning.events.learningset.QuestionAsked;
import org.actionlearning.events.learningset.QuestionForm;
import org.actionlearning.events.learningset.SetFormed;
import org.actionlearning.events.learningset.StatementKind;
import org.actionlearning.events.learningset.StatementMade;
import org.actionlearning.events.outcome.AttributionEstimated;
import org.actionlearning.events.outcome.BaselineRecorded;
import org.actionlearning.events.outcome.Direction;
import org.actionlearning.events.outcome.MeasurementRecorded;
import org.actionlearning.events.outcome.OutcomeMetricDefined;
import org.actionlearning.events.outcome.Period;
import org.actionlearning.events.programme.CostCategory;
import org.actionlearning.events.programme.ProgrammeCostRecorded;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.actionlearning.projection.ProjectionBatch;

/**
 * The dated events of one programme with one set, for the time-travel tests: each event is stored at the instant
 * the test gives ({@code recordedAt}) and is about the business date it gives (a day of 2026, "MM-DD"), so a test
 * reads as its table of what happened when and when it was known. The programme and its set are launched and formed
 * on 5 January (stored then); everything else is the test's.
 */
final class DatedProgramme {

    private static final String LAUNCHED = "01-05";

    private final UUID programme;
    private final UUID set;
    private final DatedEvents log = new DatedEvents();

    /** A programme whose set, if any, the test does not need to name. */
    DatedProgramme(UUID programme) {
        this(programme, UUID.randomUUID());
    }

    DatedProgramme(UUID programme, UUID set) {
        this.programme = programme;
        this.set = set;
    }

    /** The programme {@code name} launched 01-05 (stored 01-05 09:00). */
    DatedProgramme launched(String name) {
        return add("2026-01-05T09:00:00Z", "Programme", programme,
                new ProgrammeLaunched(programme, "Org", name, "Sponsor", day(LAUNCHED), "GBP"));
    }

    /** The set formed (stored 01-05 09:01) with these members, each named "M", joined 01-05 (stored 09:02). */
    DatedProgramme setFormed(String name, List<UUID> members) {
        return setFormed(name, members, Collections.nCopies(members.size(), "M"));
    }

    /** The set formed with these members, named in the same order. */
    DatedProgramme setFormed(String name, List<UUID> members, List<String> names) {
        inSet("2026-01-05T09:01:00Z", new SetFormed(set, programme, name, UUID.randomUUID(), "Fran"));
        for (int i = 0; i < members.size(); i++) {
            inSet("2026-01-05T09:02:00Z", new MemberJoined(set, programme, members.get(i), names.get(i),
                    day(LAUNCHED)));
        }
        return this;
    }

    /** The meeting scheduled and opened on {@code on} with these attendees, both stored at {@code recordedAt}. */
    DatedProgramme meeting(String recordedAt, UUID meeting, String on, List<UUID> attendees) {
        inSet(recordedAt, new MeetingScheduled(set, programme, meeting, day(on)));
        return inSet(recordedAt, new MeetingOpened(set, programme, meeting, day(on), attendees));
    }

    DatedProgramme presented(String recordedAt, UUID meeting, UUID challenge, UUID presenter, String title) {
        return inSet(recordedAt, new ChallengePresented(set, programme, meeting, challenge, presenter, title, null));
    }

    DatedProgramme closed(String recordedAt, UUID meeting, String on) {
        return inSet(recordedAt, new MeetingClosed(set, programme, meeting, day(on)));
    }

    DatedProgramme discarded(String recordedAt, UUID meeting, String on) {
        return inSet(recordedAt, new MeetingDiscarded(set, programme, meeting, day(on)));
    }

    /** Any event of the set's own stream (a question, a statement, a reflection, a pulse, a retraction). */
    DatedProgramme inSet(String recordedAt, DomainEvent event) {
        return add(recordedAt, "LearningSet", set, event);
    }

    DatedProgramme asked(String recordedAt, UUID meeting, UUID challenge, UUID asker, QuestionForm form) {
        return inSet(recordedAt, question(meeting, challenge, asker, form));
    }

    DatedProgramme said(String recordedAt, UUID meeting, UUID challenge, UUID speaker, StatementKind kind) {
        return inSet(recordedAt, statement(meeting, challenge, speaker, kind));
    }

    /** A question "Q?" (5 seconds), to add with {@link #inSet}. */
    QuestionAsked question(UUID meeting, UUID challenge, UUID asker, QuestionForm form) {
        return new QuestionAsked(set, programme, meeting, UUID.randomUUID(), challenge, asker, form, "Q?", 5);
    }

    /** A statement "S" (5 seconds), to add with {@link #inSet}. */
    StatementMade statement(UUID meeting, UUID challenge, UUID speaker, StatementKind kind) {
        return new StatementMade(set, programme, meeting, UUID.randomUUID(), speaker, kind, challenge, "S", 5);
    }

    /** The action "Do" committed at the meeting on {@code on}, due on {@code due}. */
    DatedProgramme committed(String recordedAt, UUID action, UUID meeting, UUID challenge, UUID owner, String on,
                             String due) {
        return add(recordedAt, "Action", action, new ActionCommitted(action, programme, set, meeting, challenge,
                owner, "Do", day(on), day(due)));
    }

    DatedProgramme completed(String recordedAt, UUID action, String on) {
        return add(recordedAt, "Action", action, new ActionCompleted(action, programme, set, day(on), "E"));
    }

    DatedProgramme abandoned(String recordedAt, UUID action, String on) {
        return add(recordedAt, "Action", action, new ActionAbandoned(action, programme, set, day(on), "R"));
    }

    DatedProgramme rescheduled(String recordedAt, UUID action, String from, String to, String reason) {
        return add(recordedAt, "Action", action, new ActionRescheduled(action, programme, set, day(from), day(to),
                reason));
    }

    /** A cost of the programme incurred on {@code on}. */
    DatedProgramme cost(String recordedAt, CostCategory category, String amount, String on) {
        return add(recordedAt, "Programme", programme, new ProgrammeCostRecorded(programme, UUID.randomUUID(),
                category, new BigDecimal(amount), day(on), null));
    }

    /** The metric "Delays" in hours, to decrease, weekly, worth {@code unitValue} a unit (null: none). */
    DatedProgramme metric(String recordedAt, UUID metric, UUID challenge, BigDecimal unitValue) {
        return add(recordedAt, "OutcomeMetric", metric, new OutcomeMetricDefined(metric, programme, challenge,
                "Delays", "hours", Direction.DECREASE, Period.WEEK, unitValue, null));
    }

    DatedProgramme baseline(String recordedAt, UUID metric, String on, String value) {
        return add(recordedAt, "OutcomeMetric", metric, new BaselineRecorded(metric, programme, day(on),
                new BigDecimal(value)));
    }

    DatedProgramme measured(String recordedAt, UUID metric, String on, String value) {
        return add(recordedAt, "OutcomeMetric", metric, new MeasurementRecorded(metric, programme, day(on),
                new BigDecimal(value)));
    }

    /** An attribution estimate made on {@code on}: {@code share} % of the change, with {@code confidence} %. */
    DatedProgramme estimated(String recordedAt, UUID metric, int share, int confidence, String on) {
        return add(recordedAt, "OutcomeMetric", metric, new AttributionEstimated(metric, programme,
                UUID.randomUUID(), share, confidence, null, day(on)));
    }

    /** Any event, of any aggregate; events of one aggregate must come in the order they were stored. */
    DatedProgramme add(String recordedAt, String aggregateType, UUID aggregateId, DomainEvent event) {
        log.add(recordedAt, aggregateType, aggregateId, event);
        return this;
    }

    /** Applies the events added since the last call, as one poll; the read models are up to date on return. */
    void project(ProjectionBatch batch) {
        log.project(batch);
    }

    /** A day of 2026 given as "MM-DD". */
    static LocalDate day(String monthAndDay) {
        return LocalDate.parse("2026-" + monthAndDay);
    }
}
