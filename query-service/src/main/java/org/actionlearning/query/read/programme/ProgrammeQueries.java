package org.actionlearning.query.read.programme;

import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.PROGRAMME;
import static org.actionlearning.query.jooq.Tables.SET_MEMBER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.actionlearning.analytics.Statistics;
import org.actionlearning.analytics.followthrough.ActionRecord;
import org.actionlearning.analytics.followthrough.FollowThrough;
import org.actionlearning.analytics.roi.RoiReport;
import org.actionlearning.query.read.MinimumGroup;
import org.actionlearning.query.read.ParticipationReader;
import org.actionlearning.query.read.ParticipationReader.HeldMeetingFigures;
import org.actionlearning.query.read.PastView;
import org.actionlearning.query.read.ProgrammeReader;
import org.actionlearning.query.read.ReportedMeetings;
import org.actionlearning.query.read.action.ActionReader;
import org.actionlearning.query.read.outcome.MetricReader;
import org.actionlearning.query.read.programme.CountsReader.Counted;
import org.actionlearning.query.read.programme.ProgrammeDashboard.Counts;
import org.actionlearning.query.read.programme.ProgrammeDashboard.FollowThroughSummary;
import org.actionlearning.query.read.programme.ProgrammeDashboard.ParticipationSummary;
import org.actionlearning.query.read.programme.ProgrammeDashboard.RoiSummary;
import org.actionlearning.query.read.roi.CostReader;
import org.actionlearning.query.read.roi.RoiQueries;
import org.actionlearning.query.read.safety.SafetyQueries;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The list of programmes and a programme's dashboard. */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class ProgrammeQueries {

    private final DSLContext db;
    private final ProgrammeReader programmes;
    private final ParticipationReader participation;
    private final ActionReader actions;
    private final MetricReader metrics;
    private final CostReader costs;
    private final CountsReader counts;
    private final SafetyQueries safety;

    public ProgrammeQueries(DSLContext db, ProgrammeReader programmes, ParticipationReader participation,
                            ActionReader actions, MetricReader metrics, CostReader costs, CountsReader counts,
                            SafetyQueries safety) {
        this.safety = safety;
        this.db = db;
        this.programmes = programmes;
        this.participation = participation;
        this.actions = actions;
        this.metrics = metrics;
        this.costs = costs;
        this.counts = counts;
    }

    /** Every programme, oldest start first. */
    public List<ProgrammeSummary> programmes() {
        Field<Integer> sets = DSL.field(DSL.selectCount().from(LEARNING_SET)
                .where(LEARNING_SET.PROGRAMME_ID.eq(PROGRAMME.PROGRAMME_ID)));
        Field<Integer> members = DSL.field(activeMembers(PROGRAMME.PROGRAMME_ID));
        return db.select(PROGRAMME.PROGRAMME_ID, PROGRAMME.ORGANISATION, PROGRAMME.NAME, PROGRAMME.SPONSOR,
                        PROGRAMME.STARTS_ON, PROGRAMME.CURRENCY, sets, members)
                .from(PROGRAMME)
                .orderBy(PROGRAMME.STARTS_ON, PROGRAMME.NAME, PROGRAMME.PROGRAMME_ID)
                .fetch(row -> new ProgrammeSummary(row.value1(), row.value2(), row.value3(), row.value4(),
                        row.value5(), row.value6(), row.value7(), row.value8()));
    }

    /**
     * The dashboard of a programme; {@code asOf} governs {@code overdue}. Activity, follow-through and participation
     * are over the meetings held with three attendees or more only (see {@link ReportedMeetings}); withheld when there
     * is none.
     */
    public ProgrammeDashboard dashboard(UUID programmeId, LocalDate asOf) {
        return dashboard(programmeId, PastView.asOf(asOf));
    }

    /** The dashboard as of the view's date and as recorded by its instant (see {@link PastView}). */
    public ProgrammeDashboard dashboard(UUID programmeId, PastView view) {
        LocalDate asOf = view.asOf();
        Counted counted = counts.of(programmeId, view);
        List<HeldMeetingFigures> opened = participation.figuresOfProgramme(programmeId, view);
        List<HeldMeetingFigures> held = opened.stream().filter(HeldMeetingFigures::counted).toList();
        FollowThrough followThrough = FollowThrough.asOf(actions.followThroughOfProgramme(programmeId, view).stream()
                .map(ActionReader.SetAction::record).toList(), asOf);
        List<MetricReader.LoadedMetric> loaded = metrics.ofProgramme(programmeId, view);
        RoiReport roi = RoiQueries.report(costs.ofProgramme(programmeId, view), loaded);
        boolean tooFew = held.isEmpty();
        List<MinimumGroup.Withheld> withheld = new ArrayList<>();
        if (tooFew) {
            withheld.add(MinimumGroup.withheld("followThrough"));
            withheld.add(MinimumGroup.withheld("participation"));
        }
        withheld.add(MinimumGroup.smallMeetingsLeftOut());

        return new ProgrammeDashboard(
                counted.programmeId(),
                counted.name(),
                new Counts(counted.sets(), counted.activeMembers(), held.size(),
                        sum(held, HeldMeetingFigures::challenges), sum(held, HeldMeetingFigures::questions),
                        sum(held, HeldMeetingFigures::statements)),
                tooFew ? null : new FollowThroughSummary(followThrough.committed(), followThrough.completed(),
                        followThrough.abandoned(), followThrough.open(), followThrough.overdue(),
                        followThrough.completionRate(), followThrough.onTimeRate(),
                        followThrough.medianDaysToComplete()),
                tooFew ? null : new ParticipationSummary(held.size(),
                        meanOfDefined(held, HeldMeetingFigures::gini),
                        meanOfDefined(held, HeldMeetingFigures::normalisedEntropy),
                        meanOfDefined(held, HeldMeetingFigures::questionFocus),
                        meanOfDefined(held, HeldMeetingFigures::openQuestionRatio)),
                loaded.stream().map(MetricReader.LoadedMetric::summary).toList(),
                new RoiSummary(roi.benefits(), roi.costs().total(), roi.bcr(), roi.roiPercent()),
                List.copyOf(withheld), safety.ofProgramme(programmeId, view));
    }

    /**
     * The programme's sets side by side, for its sponsor: each over its meetings held with three attendees or more;
     * a set with no such meeting withheld (see {@link ReportedMeetings}).
     */
    public List<SetBreakdown> setBreakdown(UUID programmeId, LocalDate asOf) {
        return setBreakdown(programmeId, PastView.asOf(asOf));
    }

    public List<SetBreakdown> setBreakdown(UUID programmeId, PastView view) {
        LocalDate asOf = view.asOf();
        programmes.require(programmeId);
        Map<UUID, List<HeldMeetingFigures>> meetingsBySet = participation.figuresOfProgramme(programmeId, view)
                .stream().filter(HeldMeetingFigures::counted)
                .collect(Collectors.groupingBy(HeldMeetingFigures::setId));
        Map<UUID, List<ActionRecord>> actionsBySet = actions.followThroughOfProgramme(programmeId, view).stream()
                .collect(Collectors.groupingBy(ActionReader.SetAction::setId,
                        Collectors.mapping(ActionReader.SetAction::record, Collectors.toList())));
        Field<Integer> active = DSL.field(DSL.selectCount().from(SET_MEMBER)
                .where(SET_MEMBER.SET_ID.eq(LEARNING_SET.SET_ID)).and(SET_MEMBER.ACTIVE.isTrue()));
        return db.select(LEARNING_SET.SET_ID, LEARNING_SET.NAME, active).from(LEARNING_SET)
                .where(LEARNING_SET.PROGRAMME_ID.eq(programmeId)).orderBy(LEARNING_SET.NAME, LEARNING_SET.SET_ID)
                .fetch(row -> {
                    List<HeldMeetingFigures> held = meetingsBySet.getOrDefault(row.value1(), List.of());
                    if (held.isEmpty()) {
                        return new SetBreakdown(row.value1(), row.value2(), row.value3(), null, null, null, null,
                                MinimumGroup.withheld("set"));
                    }
                    FollowThrough followThrough = FollowThrough.asOf(
                            actionsBySet.getOrDefault(row.value1(), List.of()), asOf);
                    return new SetBreakdown(row.value1(), row.value2(), row.value3(), held.size(),
                            meanOfDefined(held, HeldMeetingFigures::gini),
                            followThrough.committed(), followThrough.completionRate(), null);
                });
    }

    private static int sum(List<HeldMeetingFigures> meetings, ToIntFunction<HeldMeetingFigures> count) {
        return meetings.stream().mapToInt(count).sum();
    }

    /** Distinct people active in at least one set of the programme. */
    static Select<Record1<Integer>> activeMembers(Field<UUID> programmeId) {
        return DSL.select(DSL.countDistinct(SET_MEMBER.PERSON_ID))
                .from(SET_MEMBER)
                .where(SET_MEMBER.PROGRAMME_ID.eq(programmeId))
                .and(SET_MEMBER.ACTIVE.isTrue());
    }

    /** The mean of the values defined (non-null) over the meetings; null if none is. */
    private static Double meanOfDefined(List<HeldMeetingFigures> meetings,
                                        Function<HeldMeetingFigures, Double> value) {
        return Statistics.mean(meetings.stream().map(value).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).toArray());
    }
}
