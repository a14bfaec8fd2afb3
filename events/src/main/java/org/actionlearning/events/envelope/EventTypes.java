package org.actionlearning.events.envelope;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.actionlearning.events.DomainEvent;
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
import org.actionlearning.events.learningset.PulseAnswered;
import org.actionlearning.events.learningset.PulseContributed;
import org.actionlearning.events.learningset.QuestionAsked;
import org.actionlearning.events.learningset.ReflectionRecorded;
import org.actionlearning.events.learningset.SetFormed;
import org.actionlearning.events.learningset.StatementMade;
import org.actionlearning.events.outcome.AttributionEstimated;
import org.actionlearning.events.outcome.BaselineRecorded;
import org.actionlearning.events.outcome.MeasurementRecorded;
import org.actionlearning.events.outcome.MetricRebased;
import org.actionlearning.events.outcome.OutcomeMetricDefined;
import org.actionlearning.events.personaldata.PersonErased;
import org.actionlearning.events.programme.ProgrammeClosed;
import org.actionlearning.events.programme.ProgrammeCostRecorded;
import org.actionlearning.events.programme.ProgrammeLaunched;

/** The registry of every published event type, with its current schema version. */
public final class EventTypes {

    private static final List<EventType> ALL = List.of(
            v1(ProgrammeLaunched.class), v1(ProgrammeCostRecorded.class), v1(ProgrammeClosed.class),
            v1(SetFormed.class), new EventType("MemberJoined", 2, MemberJoined.class), v1(MemberLeft.class),
            v1(MeetingScheduled.class), v1(MeetingOpened.class), v1(ChallengePresented.class),
            v1(QuestionAsked.class), v1(StatementMade.class), v1(ReflectionRecorded.class), v1(MeetingClosed.class),
            v1(ActionCommitted.class), v1(ActionProgressReported.class), v1(ActionCompleted.class),
            v1(ActionAbandoned.class), v1(ActionRescheduled.class),
            v1(OutcomeMetricDefined.class), v1(BaselineRecorded.class), v1(MeasurementRecorded.class),
            new EventType("AttributionEstimated", 2, AttributionEstimated.class), v1(MetricRebased.class), v1(PersonErased.class),
            v1(PulseAnswered.class), v1(PulseContributed.class),
            v1(MeetingDiscarded.class), v1(ContributionRetracted.class),
            v1(FacilitatorChanged.class));

    private static final Map<String, EventType> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, EventType> BY_CLASS = new LinkedHashMap<>();
    /** By Java class name: the event store asks by name for every event it writes and reads. */
    private static final Map<String, EventType> BY_CLASS_NAME = new LinkedHashMap<>();

    static {
        for (EventType type : ALL) {
            BY_NAME.put(type.name(), type);
            BY_CLASS.put(type.javaType(), type);
            BY_CLASS_NAME.put(type.javaType().getName(), type);
        }
    }

    private EventTypes() {
    }

    private static EventType v1(Class<? extends DomainEvent> javaType) {
        return new EventType(javaType.getSimpleName(), 1, javaType);
    }

    public static List<EventType> all() {
        return ALL;
    }

    public static Optional<EventType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The type of a Java event class; fails for a class that is not part of the published language. */
    public static EventType of(Class<?> javaType) {
        EventType type = BY_CLASS.get(javaType);
        if (type == null) {
            throw new IllegalArgumentException("not a published event type: " + javaType.getName());
        }
        return type;
    }

    public static Optional<EventType> byClassName(String className) {
        return Optional.ofNullable(BY_CLASS_NAME.get(className));
    }
}
