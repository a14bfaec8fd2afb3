package org.actionlearning.launcher.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.actionlearning.events.learningset.QuestionForm;
import org.actionlearning.events.learningset.StatementKind;
import org.actionlearning.events.outcome.Direction;
import org.actionlearning.events.outcome.Period;
import org.actionlearning.events.programme.CostCategory;
import org.actionlearning.launcher.demo.DemoProgramme.Abandonment;
import org.actionlearning.launcher.demo.DemoProgramme.Action;
import org.actionlearning.launcher.demo.DemoProgramme.Attribution;
import org.actionlearning.launcher.demo.DemoProgramme.Challenge;
import org.actionlearning.launcher.demo.DemoProgramme.Completion;
import org.actionlearning.launcher.demo.DemoProgramme.Contribution;
import org.actionlearning.launcher.demo.DemoProgramme.Cost;
import org.actionlearning.launcher.demo.DemoProgramme.FollowUp;
import org.actionlearning.launcher.demo.DemoProgramme.LearningSet;
import org.actionlearning.launcher.demo.DemoProgramme.Meeting;
import org.actionlearning.launcher.demo.DemoProgramme.Member;
import org.actionlearning.launcher.demo.DemoProgramme.Metric;
import org.actionlearning.launcher.demo.DemoProgramme.Point;
import org.actionlearning.launcher.demo.DemoProgramme.Progress;
import org.actionlearning.launcher.demo.DemoProgramme.Question;
import org.actionlearning.launcher.demo.DemoProgramme.Reflection;
import org.actionlearning.launcher.demo.DemoProgramme.Rescheduling;
import org.actionlearning.launcher.demo.DemoProgramme.Statement;
import org.actionlearning.launcher.demo.DemoProgramme.Target;

/**
 * Writes a {@link DemoProgramme} like a script of what happened. Checks the rules the command service enforces
 * (attendees only, no questions to oneself, actions by the presenter, dates in order) while the script is
 * built, so a mistake in the data names its line before anything is sent.
 */
public final class DemoProgrammeBuilder {

    private final String key;
    private String organisation;
    private String name;
    private String sponsor;
    private LocalDate startsOn;
    private String currency;
    private final List<LearningSet> sets = new ArrayList<>();
    private final List<Metric> metrics = new ArrayList<>();
    private final List<Cost> costs = new ArrayList<>();
    private final Map<String, Member> members = new LinkedHashMap<>();

    DemoProgrammeBuilder(String key) {
        this.key = Objects.requireNonNull(key);
    }

    public DemoProgrammeBuilder organisation(String organisation) {
        this.organisation = organisation;
        return this;
    }

    public DemoProgrammeBuilder name(String name) {
        this.name = name;
        return this;
    }

    public DemoProgrammeBuilder sponsor(String sponsor) {
        this.sponsor = sponsor;
        return this;
    }

    public DemoProgrammeBuilder startsOn(String date) {
        this.startsOn = LocalDate.parse(date);
        return this;
    }

    public DemoProgrammeBuilder currency(String currency) {
        this.currency = currency;
        return this;
    }

    public DemoProgrammeBuilder set(String setName, String facilitatorName, Consumer<SetBuilder> script) {
        SetBuilder set = new SetBuilder(setName);
        script.accept(set);
        sets.add(set.build(facilitatorName));
        return this;
    }

    /** Define metrics after the sets: a metric may refer to a challenge presented in them. */
    public DemoProgrammeBuilder metric(String metricName, String unit, Direction direction, Period period,
                                       Consumer<MetricBuilder> script) {
        MetricBuilder metric = new MetricBuilder(metricName, unit, direction, period);
        script.accept(metric);
        metrics.add(metric.build());
        return this;
    }

    public DemoProgrammeBuilder cost(CostCategory category, double amount, String incurredOn, String note) {
        LocalDate on = LocalDate.parse(incurredOn);
        check(amount >= 0, "cost " + note + " is negative");
        costs.add(new Cost(category, BigDecimal.valueOf(amount), on, note));
        return this;
    }

    public DemoProgramme build() {
        check(organisation != null && name != null && sponsor != null && startsOn != null && currency != null,
                "organisation, name, sponsor, startsOn and currency are required");
        check(!sets.isEmpty(), "a programme needs a set");
        return new DemoProgramme(key, organisation, name, sponsor, startsOn, currency, List.copyOf(sets),
                List.copyOf(metrics), List.copyOf(costs));
    }

    private Member member(String memberKey) {
        Member member = members.get(memberKey);
        check(member != null, "no member '" + memberKey + "'");
        return member;
    }

    /** Something a member said (kind: a QuestionForm or a StatementKind) or wrote, before ids are resolved. */
    private record Said(String who, Object kind, String text) {
    }

    private void check(boolean holds, String message) {
        if (!holds) {
            throw new IllegalArgumentException("Demo programme " + key + ": " + message);
        }
    }

    /** The members of a set (4 to 8), then its meetings in date order. */
    public final class SetBuilder {
        private final String setName;
        private final Map<String, Member> setMembers = new LinkedHashMap<>();
        private final List<Meeting> meetings = new ArrayList<>();

        private SetBuilder(String setName) {
            this.setName = setName;
        }

        public SetBuilder member(String memberKey, String fullName, String role) {
            check(!members.containsKey(memberKey), "member key '" + memberKey + "' used twice");
            check(meetings.isEmpty(), "add the members of " + setName + " before its meetings");
            Member member = new Member(memberKey, fullName, role);
            members.put(memberKey, member);
            setMembers.put(memberKey, member);
            return this;
        }

        /** A meeting on {@code heldOn}, attended by every member unless the script says who is absent. */
        public SetBuilder meeting(String heldOn, Consumer<MeetingBuilder> script) {
            MeetingBuilder meeting = new MeetingBuilder(this, LocalDate.parse(heldOn));
            script.accept(meeting);
            Meeting built = meeting.build();
            check(meetings.isEmpty() || built.heldOn().isAfter(meetings.get(meetings.size() - 1).heldOn()),
                    "meetings of " + setName + " must be in date order");
            meetings.add(built);
            return this;
        }

        private LearningSet build(String facilitatorName) {
            check(setMembers.size() >= 4 && setMembers.size() <= 8,
                    setName + " has " + setMembers.size() + " members, not 4 to 8");
            return new LearningSet(setName, facilitatorName, List.copyOf(setMembers.values()), List.copyOf(meetings));
        }
    }

    /** Who was absent, the challenges presented (in order), and the written reflections at the end. */
    public final class MeetingBuilder {
        private final SetBuilder set;
        private final LocalDate heldOn;
        private final Set<String> absent = new HashSet<>();
        private final List<ChallengeBuilder> challenges = new ArrayList<>();
        private final List<Said> reflections = new ArrayList<>();

        private MeetingBuilder(SetBuilder set, LocalDate heldOn) {
            this.set = set;
            this.heldOn = heldOn;
        }

        public MeetingBuilder absent(String... memberKeys) {
            for (String memberKey : memberKeys) {
                check(set.setMembers.containsKey(memberKey), memberKey + " is not a member of " + set.setName);
                absent.add(memberKey);
            }
            return this;
        }

        public MeetingBuilder challenge(String presenter, String title, String summary,
                                        Consumer<ChallengeBuilder> script) {
            ChallengeBuilder challenge = new ChallengeBuilder(this, presenter, title, summary);
            script.accept(challenge);
            challenges.add(challenge);
            return this;
        }

        public MeetingBuilder writtenReflection(String author, String text) {
            reflections.add(new Said(author, null, text));
            return this;
        }

        private Member attendee(String memberKey, String what) {
            check(set.setMembers.containsKey(memberKey), what + ": " + memberKey + " is not a member of "
                    + set.setName);
            check(!absent.contains(memberKey), what + ": " + memberKey + " is absent on " + heldOn);
            return set.setMembers.get(memberKey);
        }

        private Meeting build() {
            List<Member> attendees = set.setMembers.values().stream().filter(m -> !absent.contains(m.key())).toList();
            List<Challenge> built = challenges.stream().map(ChallengeBuilder::build).toList();
            List<Reflection> written = reflections.stream()
                    .map(r -> new Reflection(attendee(r.who(), "reflection on " + heldOn), r.text())).toList();
            return new Meeting(heldOn, attendees, built, written);
        }
    }

    /** The conversation about one challenge, in order, and the presenter's actions. */
    public final class ChallengeBuilder {
        private final MeetingBuilder meeting;
        private final String presenter;
        private final String title;
        private final String summary;
        private final List<Said> contributions = new ArrayList<>();
        private final List<ActionBuilder> actions = new ArrayList<>();

        private ChallengeBuilder(MeetingBuilder meeting, String presenter, String title, String summary) {
            this.meeting = meeting;
            this.presenter = presenter;
            this.title = title;
            this.summary = summary;
        }

        public ChallengeBuilder open(String asker, String text) {
            contributions.add(new Said(asker, QuestionForm.OPEN, text));
            return this;
        }

        public ChallengeBuilder closed(String asker, String text) {
            contributions.add(new Said(asker, QuestionForm.CLOSED, text));
            return this;
        }

        public ChallengeBuilder answer(String speaker, String text) {
            contributions.add(new Said(speaker, StatementKind.ANSWER, text));
            return this;
        }

        public ChallengeBuilder advice(String speaker, String text) {
            contributions.add(new Said(speaker, StatementKind.ADVICE, text));
            return this;
        }

        /** A reflection said aloud in the conversation (a statement of kind REFLECTION). */
        public ChallengeBuilder reflect(String speaker, String text) {
            contributions.add(new Said(speaker, StatementKind.REFLECTION, text));
            return this;
        }

        public ChallengeBuilder comment(String speaker, String text) {
            contributions.add(new Said(speaker, StatementKind.OTHER, text));
            return this;
        }

        /** An action the presenter commits to, still open (nothing happened to it since). */
        public ChallengeBuilder action(String description, String dueOn) {
            return action(description, dueOn, a -> { });
        }

        public ChallengeBuilder action(String description, String dueOn, Consumer<ActionBuilder> whatHappened) {
            ActionBuilder action = new ActionBuilder(meeting.heldOn, description, LocalDate.parse(dueOn));
            whatHappened.accept(action);
            actions.add(action);
            return this;
        }

        private Challenge build() {
            String where = "challenge '" + title + "' on " + meeting.heldOn;
            Member presenterMember = meeting.attendee(presenter, where);
            List<Contribution> built = new ArrayList<>();
            for (Said said : contributions) {
                if (said.kind() instanceof QuestionForm form) {
                    check(!said.who().equals(presenter), where + ": the presenter does not question their own"
                            + " challenge");
                    built.add(new Question(meeting.attendee(said.who(), where), form, said.text()));
                } else {
                    built.add(new Statement(meeting.attendee(said.who(), where), (StatementKind) said.kind(),
                            said.text()));
                }
            }
            return new Challenge(presenterMember, title, summary, List.copyOf(built),
                    actions.stream().map(ActionBuilder::build).toList());
        }
    }

    /** What happened to an action after the meeting, in date order; completion or abandonment ends it. */
    public final class ActionBuilder {
        private final LocalDate committedOn;
        private final String description;
        private final LocalDate dueOn;
        private final List<FollowUp> followUps = new ArrayList<>();
        private LocalDate last;
        private boolean ended;

        private ActionBuilder(LocalDate committedOn, String description, LocalDate dueOn) {
            this.committedOn = committedOn;
            this.description = description;
            this.dueOn = dueOn;
            this.last = committedOn;
            check(!dueOn.isBefore(committedOn), "action '" + description + "' is due before its meeting");
        }

        public ActionBuilder progress(String reportedOn, int percentComplete, String note) {
            followUps.add(new Progress(next(reportedOn), percentComplete, note));
            return this;
        }

        public ActionBuilder completed(String completedOn, String evidence) {
            followUps.add(new Completion(next(completedOn), evidence));
            ended = true;
            return this;
        }

        public ActionBuilder abandoned(String abandonedOn, String reason) {
            followUps.add(new Abandonment(next(abandonedOn), reason));
            ended = true;
            return this;
        }

        /** A new due date (the action stays open). */
        public ActionBuilder rescheduled(String newDueOn, String reason) {
            check(!ended, "action '" + description + "' has ended");
            LocalDate due = LocalDate.parse(newDueOn);
            check(!due.isBefore(committedOn), "action '" + description + "' rescheduled before its meeting");
            followUps.add(new Rescheduling(due, reason));
            return this;
        }

        private LocalDate next(String date) {
            check(!ended, "action '" + description + "' has ended");
            LocalDate on = LocalDate.parse(date);
            check(!on.isBefore(last), "follow-ups of action '" + description + "' must be in date order, after "
                    + committedOn);
            last = on;
            return on;
        }

        private Action build() {
            return new Action(description, dueOn, List.copyOf(followUps));
        }
    }

    /** Money value, target, baseline points, follow-ups and attribution estimates of one metric. */
    public final class MetricBuilder {
        private final String metricName;
        private final String unit;
        private final Direction direction;
        private final Period period;
        private BigDecimal valuePerUnit;
        private Target target;
        private Challenge challenge;
        private final List<Point> baseline = new ArrayList<>();
        private final List<Point> followUps = new ArrayList<>();
        private final List<Attribution> attributions = new ArrayList<>();

        private MetricBuilder(String metricName, String unit, Direction direction, Period period) {
            this.metricName = metricName;
            this.unit = unit;
            this.direction = direction;
            this.period = period;
        }

        /** Money per unit of the metric; without it the metric is an intangible. */
        public MetricBuilder valuePerUnit(double money) {
            this.valuePerUnit = BigDecimal.valueOf(money);
            return this;
        }

        public MetricBuilder target(double changePercent, int withinDays) {
            this.target = new Target(BigDecimal.valueOf(changePercent), withinDays);
            return this;
        }

        /** Ties the metric to the first challenge the member presented. */
        public MetricBuilder aboutChallengeOf(String presenterKey) {
            Member presenter = member(presenterKey);
            this.challenge = sets.stream().flatMap(s -> s.meetings().stream()).flatMap(m -> m.challenges().stream())
                    .filter(c -> c.presenter() == presenter).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Demo programme " + key + ": " + presenterKey
                            + " presented no challenge (define metrics after the sets)"));
            return this;
        }

        public MetricBuilder baseline(String measuredOn, double value) {
            LocalDate on = LocalDate.parse(measuredOn);
            check(followUps.isEmpty(), metricName + ": baseline points come before follow-ups");
            check(baseline.isEmpty() || on.isAfter(last(baseline)), metricName + ": baseline points in date order");
            baseline.add(new Point(on, BigDecimal.valueOf(value)));
            return this;
        }

        /** Baseline points {@code everyDays} apart, the first on {@code first}. */
        public MetricBuilder baselineEvery(int everyDays, String first, double... values) {
            LocalDate on = LocalDate.parse(first);
            for (double value : values) {
                baseline(on.toString(), value);
                on = on.plusDays(everyDays);
            }
            return this;
        }

        public MetricBuilder followUp(String measuredOn, double value) {
            LocalDate on = LocalDate.parse(measuredOn);
            check(!baseline.isEmpty() && on.isAfter(last(baseline)), metricName
                    + ": follow-ups come after the last baseline point");
            check(followUps.isEmpty() || on.isAfter(last(followUps)), metricName + ": follow-ups in date order");
            followUps.add(new Point(on, BigDecimal.valueOf(value)));
            return this;
        }

        /** Follow-up measurements {@code everyDays} apart, the first on {@code first}. */
        public MetricBuilder followUpsEvery(int everyDays, String first, double... values) {
            LocalDate on = LocalDate.parse(first);
            for (double value : values) {
                followUp(on.toString(), value);
                on = on.plusDays(everyDays);
            }
            return this;
        }

        /** A member's estimate: this share of the change is due to the programme, with this confidence. */
        public MetricBuilder attribution(String estimatedBy, int attributionPercent, int confidencePercent) {
            attributions.add(new Attribution(member(estimatedBy), attributionPercent, confidencePercent));
            return this;
        }

        private LocalDate last(List<Point> points) {
            return points.get(points.size() - 1).measuredOn();
        }

        private Metric build() {
            return new Metric(metricName, unit, direction, period, valuePerUnit, target, challenge,
                    List.copyOf(baseline), List.copyOf(followUps), List.copyOf(attributions));
        }
    }
}
