package org.actionlearning.benchmark;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.action.ActionCommitted;
import org.actionlearning.events.action.ActionCompleted;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.envelope.EventJson;
import org.actionlearning.events.learningset.ChallengePresented;
import org.actionlearning.events.learningset.MeetingClosed;
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
import org.actionlearning.events.outcome.OutcomeTarget;
import org.actionlearning.events.outcome.Period;
import org.actionlearning.events.programme.CostCategory;
import org.actionlearning.events.programme.ProgrammeCostRecorded;
import org.actionlearning.events.programme.ProgrammeLaunched;

/**
 * A synthetic but valid event history, generated straight as envelopes (what the relay would publish): per
 * programme a launch and three costs, an outcome metric with baseline, follow-ups and attributions, and sets of six
 * members meeting fortnightly (challenge, ~30 questions and statements by the attendees, an action committed and
 * later completed). Every aggregate's events carry gap-free sequence numbers in order; the aggregates of a window of
 * programmes are interleaved at random, as concurrent users would interleave them. Seeded: the same sizes give
 * the same events.
 */
public final class DataSet {

    private static final int MEMBERS = 6;
    private static final int CONTRIBUTIONS_PER_MEETING = 30;
    private static final int WINDOW = 5;
    private static final LocalDate START = LocalDate.of(2026, 1, 5);

    private final int programmes;
    private final int setsPerProgramme;
    private final int eventsPerSet;
    private final SplittableRandom random;
    private long emitted;
    /** When the first event is stored; each next one a millisecond later. */
    public static final Instant FIRST_EVENT = Instant.parse("2026-01-05T09:00:00Z");
    /** After every event of the largest data set (5 million milliseconds, under 84 minutes) was stored. */
    public static final Instant AFTER_EVERY_EVENT = Instant.parse("2026-01-06T00:00:00Z");

    private Instant clock = FIRST_EVENT;

    public DataSet(int programmes, int setsPerProgramme, int eventsPerSet, long seed) {
        this.programmes = programmes;
        this.setsPerProgramme = setsPerProgramme;
        this.eventsPerSet = eventsPerSet;
        this.random = new SplittableRandom(seed);
    }

    public String describe() {
        return "%,d programmes × %,d sets, ~%,d events per set (seeded)".formatted(programmes, setsPerProgramme,
                eventsPerSet);
    }

    /** Emits every event, window by window of programmes, each window's aggregates interleaved at random. */
    public long emit(Consumer<EventEnvelope> sink) {
        for (int first = 0; first < programmes; first += WINDOW) {
            List<Deque<EventEnvelope>> streams = new ArrayList<>();
            for (int p = first; p < Math.min(programmes, first + WINDOW); p++) {
                streams.addAll(programme());
            }
            while (!streams.isEmpty()) {
                int i = random.nextInt(streams.size());
                sink.accept(streams.get(i).pollFirst());
                emitted++;
                if (streams.get(i).isEmpty()) {
                    streams.set(i, streams.get(streams.size() - 1));
                    streams.remove(streams.size() - 1);
                }
            }
        }
        return emitted;
    }

    /** The programme's own stream, its metric's and its sets' (each set's stream includes its actions' events). */
    private List<Deque<EventEnvelope>> programme() {
        UUID programmeId = uuid();
        List<Deque<EventEnvelope>> streams = new ArrayList<>();
        Stream programme = new Stream("Programme", programmeId.toString());
        programme.add(new ProgrammeLaunched(programmeId, "Organisation " + programmeId.toString().substring(0, 6),
                "Programme " + programmeId.toString().substring(0, 8), "Sponsor", START, "GBP"));
        for (CostCategory category : List.of(CostCategory.FACILITATION, CostCategory.VENUE, CostCategory.MATERIALS)) {
            programme.add(new ProgrammeCostRecorded(programmeId, uuid(), category,
                    BigDecimal.valueOf(1000 + random.nextInt(9000)), START, "invoice"));
        }
        streams.add(programme.events);
        streams.add(metric(programmeId));
        for (int s = 0; s < setsPerProgramme; s++) {
            streams.add(set(programmeId, s));
        }
        return streams;
    }

    private Deque<EventEnvelope> metric(UUID programmeId) {
        UUID metricId = uuid();
        Stream metric = new Stream("OutcomeMetric", metricId.toString());
        metric.add(new OutcomeMetricDefined(metricId, programmeId, null, "Discharge delay", "hours",
                Direction.DECREASE, Period.WEEK, BigDecimal.valueOf(50),
                new OutcomeTarget(BigDecimal.valueOf(15), 92)));
        for (int week = 0; week < 3; week++) {
            metric.add(new BaselineRecorded(metricId, programmeId, START.plusWeeks(week),
                    BigDecimal.valueOf(400 + random.nextInt(40))));
        }
        for (int week = 4; week < 10; week++) {
            metric.add(new MeasurementRecorded(metricId, programmeId, START.plusWeeks(week),
                    BigDecimal.valueOf(380 - 5 * week + random.nextInt(20))));
        }
        // three: the ROI counts estimates only in whole groups of three
        for (int e = 0; e < 3; e++) {
            metric.add(new AttributionEstimated(metricId, programmeId, uuid(), 40 + random.nextInt(50),
                    50 + random.nextInt(40), null));
        }
        return metric.events;
    }

    private Deque<EventEnvelope> set(UUID programmeId, int index) {
        UUID setId = uuid();
        Stream set = new Stream("LearningSet", setId.toString());
        set.add(new SetFormed(setId, programmeId, "Set " + (index + 1), uuid(), "Facilitator " + (index + 1)));
        List<UUID> members = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            UUID personId = uuid();
            members.add(personId);
            set.add(new MemberJoined(setId, programmeId, personId, "Member " + (m + 1), START));
        }
        ActionCommitted previous = null;
        for (int meeting = 0; set.events.size() < eventsPerSet; meeting++) {
            previous = meeting(set, programmeId, setId, members, meeting, previous);
        }
        return set.events;
    }

    private ActionCommitted meeting(Stream set, UUID programmeId, UUID setId, List<UUID> members, int number,
                                    ActionCommitted previous) {
        UUID meetingId = uuid();
        LocalDate on = START.plusWeeks(2L * number + 1);
        List<UUID> attendees = members.subList(0, MEMBERS - 1 - (number % 2)); // someone is away now and then
        UUID presenter = attendees.get(number % attendees.size());
        set.add(new MeetingScheduled(setId, programmeId, meetingId, on));
        set.add(new MeetingOpened(setId, programmeId, meetingId, on, attendees));
        if (previous != null) {
            new Stream("Action", previous.actionId().toString(), 1).addTo(set.events, new ActionCompleted(
                    previous.actionId(), programmeId, setId, on.minusDays(random.nextInt(5)), "done"));
        }
        UUID challengeId = uuid();
        set.add(new ChallengePresented(setId, programmeId, meetingId, challengeId, presenter,
                "Challenge of meeting " + (number + 1), "How do we shorten the handover between departments?"));
        for (int c = 0; c < CONTRIBUTIONS_PER_MEETING; c++) {
            UUID speaker = attendees.get(random.nextInt(attendees.size()));
            if (!speaker.equals(presenter) && random.nextInt(3) > 0) {
                set.add(new QuestionAsked(setId, programmeId, meetingId, uuid(), challengeId, speaker,
                        random.nextBoolean() ? QuestionForm.OPEN : QuestionForm.CLOSED,
                        "What have you tried so far, and what happened when you did?", 20 + random.nextInt(60)));
            } else {
                StatementKind kind = StatementKind.values()[random.nextInt(StatementKind.values().length)];
                set.add(new StatementMade(setId, programmeId, meetingId, uuid(), speaker, kind, challengeId,
                        "I noticed the same pattern in our team last quarter.", 20 + random.nextInt(60)));
            }
        }
        ActionCommitted action = new ActionCommitted(uuid(), programmeId, setId, meetingId, challengeId, presenter,
                "Agree a handover checklist with the ward managers", on, on.plusWeeks(3));
        new Stream("Action", action.actionId().toString(), 0).addTo(set.events, action);
        set.add(new MeetingClosed(setId, programmeId, meetingId, on));
        return action;
    }

    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    /** One aggregate's events with their sequence numbers, as the relay would wrap them. */
    private final class Stream {
        final String type;
        final String aggregateId;
        final Deque<EventEnvelope> events = new ArrayDeque<>();
        long sequence;

        Stream(String type, String aggregateId) {
            this(type, aggregateId, 0);
        }

        Stream(String type, String aggregateId, long firstSequence) {
            this.type = type;
            this.aggregateId = aggregateId;
            this.sequence = firstSequence;
        }

        void add(DomainEvent event) {
            addTo(events, event);
        }

        void addTo(Deque<EventEnvelope> target, DomainEvent event) {
            clock = clock.plusMillis(1);
            target.addLast(EventJson.envelope(uuid(), type, aggregateId, sequence++, clock, event));
        }
    }
}
