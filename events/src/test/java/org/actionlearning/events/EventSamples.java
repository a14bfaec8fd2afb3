package org.actionlearning.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.actionlearning.events.action.ActionAbandoned;
import org.actionlearning.events.action.ActionCommitted;
import org.actionlearning.events.action.ActionCompleted;
import org.actionlearning.events.action.ActionProgressReported;
import org.actionlearning.events.action.ActionRescheduled;
import org.actionlearning.events.learningset.ChallengePresented;
import org.actionlearning.events.learningset.ContributionRetracted;
import org.actionlearning.events.learningset.MeetingClosed;
import org.actionlearning.events.learningset.MeetingDiscarded;
import org.actionlearning.events.learningset.MeetingOpened;
import org.actionlearning.events.learningset.MeetingScheduled;
import org.actionlearning.events.learningset.MemberJoined;
import org.actionlearning.events.learningset.FacilitatorChanged;
import org.actionlearning.events.learningset.MemberLeft;
import org.actionlearning.events.learningset.QuestionAsked;
import org.actionlearning.events.learningset.QuestionForm;
import org.actionlearning.events.learningset.PulseAnswered;
import org.actionlearning.events.learningset.PulseContributed;
import org.actionlearning.events.learningset.ReflectionRecorded;
import org.actionlearning.events.learningset.SetFormed;
import org.actionlearning.events.learningset.StatementKind;
import org.actionlearning.events.learningset.StatementMade;
import org.actionlearning.events.outcome.AttributionEstimated;
import org.actionlearning.events.outcome.BaselineRecorded;
import org.actionlearning.events.outcome.Direction;
import org.actionlearning.events.outcome.MeasurementRecorded;
import org.actionlearning.events.outcome.MetricRebased;
import org.actionlearning.events.outcome.OutcomeMetricDefined;
import org.actionlearning.events.outcome.OutcomeTarget;
import org.actionlearning.events.outcome.Period;
import org.actionlearning.events.personaldata.PersonErased;
import org.actionlearning.events.programme.CostCategory;
import org.actionlearning.events.programme.ProgrammeClosed;
import org.actionlearning.events.programme.ProgrammeCostRecorded;
import org.actionlearning.events.programme.ProgrammeLaunched;

/** One fixed instance of every event type, with every field filled, for shape and round-trip tests. */
public final class EventSamples {

    public static final UUID PROGRAMME = UUID.fromString("00000000-0000-0000-0000-000000000001");
    public static final UUID SET = UUID.fromString("00000000-0000-0000-0000-000000000002");
    public static final UUID MEETING = UUID.fromString("00000000-0000-0000-0000-000000000003");
    public static final UUID PERSON = UUID.fromString("00000000-0000-0000-0000-000000000004");
    public static final UUID OTHER_PERSON = UUID.fromString("00000000-0000-0000-0000-000000000005");
    public static final UUID CHALLENGE = UUID.fromString("00000000-0000-0000-0000-000000000006");
    public static final UUID ITEM = UUID.fromString("00000000-0000-0000-0000-000000000007");
    public static final UUID ACTION = UUID.fromString("00000000-0000-0000-0000-000000000008");
    public static final UUID METRIC = UUID.fromString("00000000-0000-0000-0000-000000000009");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 9);

    private EventSamples() {
    }

    public static List<DomainEvent> all() {
        return List.of(
                new ProgrammeLaunched(PROGRAMME, "St Elsewhere NHS Trust", "Discharge flow", "Chief Nurse", DAY, "GBP"),
                new ProgrammeCostRecorded(PROGRAMME, ITEM, CostCategory.FACILITATION, new BigDecimal("1250.5"), DAY,
                        "two facilitators"),
                new ProgrammeClosed(PROGRAMME, DAY.plusMonths(6)),
                new SetFormed(SET, PROGRAMME, "Set A", PERSON, "Fran Facilitator"),
                new MemberJoined(SET, PROGRAMME, OTHER_PERSON, "Mo Member", DAY),
                new MemberLeft(SET, PROGRAMME, OTHER_PERSON),
                new FacilitatorChanged(SET, PROGRAMME, OTHER_PERSON, "Sam Successor", PERSON),
                new MeetingScheduled(SET, PROGRAMME, MEETING, DAY),
                new MeetingOpened(SET, PROGRAMME, MEETING, DAY, List.of(PERSON, OTHER_PERSON)),
                new ChallengePresented(SET, PROGRAMME, MEETING, CHALLENGE, PERSON, "Delayed discharges",
                        "Wards wait for pharmacy"),
                new QuestionAsked(SET, PROGRAMME, MEETING, ITEM, CHALLENGE, OTHER_PERSON, QuestionForm.OPEN,
                        "What have you tried?", 20),
                new StatementMade(SET, PROGRAMME, MEETING, ITEM, OTHER_PERSON, StatementKind.ADVICE, CHALLENGE,
                        "Call pharmacy earlier", 15),
                new ReflectionRecorded(SET, PROGRAMME, MEETING, ITEM, PERSON, "I had not asked the porters"),
                new MeetingClosed(SET, PROGRAMME, MEETING, DAY),
                new PulseAnswered(SET, PROGRAMME, MEETING, PERSON, "{\"items\":[2,6,2,6,2,6,6]}"),
                new PulseContributed(SET, PROGRAMME, MEETING, ITEM, java.util.List.of(2, 6, 2, 6, 2, 6, 6), 4, null, 5,
                        null),
                new ActionCommitted(ACTION, PROGRAMME, SET, MEETING, CHALLENGE, PERSON, "Meet pharmacy lead", DAY,
                        DAY.plusDays(14)),
                new ActionProgressReported(ACTION, PROGRAMME, SET, DAY.plusDays(7), 50, "meeting booked"),
                new ActionCompleted(ACTION, PROGRAMME, SET, DAY.plusDays(12), "minutes of the meeting"),
                new ActionAbandoned(ACTION, PROGRAMME, SET, DAY.plusDays(12), "lead left the trust"),
                new ActionRescheduled(ACTION, PROGRAMME, SET, DAY.plusDays(14), DAY.plusDays(28), "lead on leave"),
                new OutcomeMetricDefined(METRIC, PROGRAMME, CHALLENGE, "discharge delay", "hours", Direction.DECREASE,
                        Period.WEEK, new BigDecimal("42"), new OutcomeTarget(new BigDecimal("15"), 92)),
                new BaselineRecorded(METRIC, PROGRAMME, DAY, new BigDecimal("120.5")),
                new MeasurementRecorded(METRIC, PROGRAMME, DAY.plusDays(7), new BigDecimal("101.25")),
                new MetricRebased(METRIC, PROGRAMME, DAY.plusDays(60)),
                new AttributionEstimated(METRIC, PROGRAMME, ITEM, 60, 80, PERSON, DAY),
                new PersonErased(PROGRAMME, OTHER_PERSON, DAY.plusMonths(7)),
                new MeetingDiscarded(SET, PROGRAMME, MEETING, DAY),
                new ContributionRetracted(SET, PROGRAMME, MEETING, ITEM, OTHER_PERSON, QuestionForm.OPEN, null));
    }
}
