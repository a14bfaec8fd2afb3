package org.actionlearning.query.read.roi;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.analytics.followthrough.FollowThrough;
import org.actionlearning.analytics.outcomes.OutcomeAnalysis;
import org.actionlearning.analytics.roi.Cost;
import org.actionlearning.analytics.roi.RoiCalculator;
import org.actionlearning.analytics.roi.RoiReport;
import org.actionlearning.query.jooq.tables.records.ProgrammeRecord;
import org.actionlearning.query.read.PastView;
import org.actionlearning.query.read.ProgrammeReader;
import org.actionlearning.query.read.ReportedMeetings;
import org.actionlearning.query.read.action.ActionReader;
import org.actionlearning.query.read.outcome.MetricReader;
import org.actionlearning.query.read.roi.ProgrammeRoi.Costs;
import org.actionlearning.query.read.roi.ProgrammeRoi.IntangibleView;
import org.actionlearning.query.read.roi.ProgrammeRoi.MetricBenefitView;
import org.actionlearning.query.read.safety.SafetyQueries;
import org.actionlearning.query.read.safety.SetSafety;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** A programme's Phillips ROI. */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class RoiQueries {

    private final ProgrammeReader programmes;
    private final MetricReader metrics;
    private final CostReader costs;
    private final ActionReader actions;
    private final ReportedMeetings reportedMeetings;
    private final SafetyQueries safety;
    private final Clock clock;

    public RoiQueries(ProgrammeReader programmes, MetricReader metrics, CostReader costs, ActionReader actions,
                      ReportedMeetings reportedMeetings, SafetyQueries safety, Clock clock) {
        this.programmes = programmes;
        this.metrics = metrics;
        this.costs = costs;
        this.actions = actions;
        this.reportedMeetings = reportedMeetings;
        this.safety = safety;
        this.clock = clock;
    }

    public ProgrammeRoi roi(UUID programmeId) {
        return roi(programmeId, PastView.EVERYTHING);
    }

    /** The ROI of the costs and points of the view (see {@link PastView}). */
    public ProgrammeRoi roi(UUID programmeId, PastView view) {
        ProgrammeRecord programme = programmes.require(programmeId);
        List<MetricReader.LoadedMetric> loaded = metrics.ofProgramme(programmeId, view);
        RoiReport report = report(costs.ofProgramme(programmeId, view), loaded);
        Map<String, Double> byCategory = new LinkedHashMap<>();
        report.costs().byCategory().forEach((category, amount) -> byCategory.put(category.name(), amount));
        return new ProgrammeRoi(
                programme.getCurrency(),
                new Costs(report.costs().total(), byCategory),
                report.metrics().stream().map(m -> new MetricBenefitView(m.metricId(), m.name(), m.improvement(),
                        m.periodsPerYear(), m.valuePerUnit(), m.isolationFactor(), m.isolated(), m.estimatesCounted(),
                        m.estimatesWithheld(), m.annualBenefit()))
                        .toList(),
                report.intangibles().stream()
                        .map(i -> new IntangibleView(i.metricId(), i.name(), i.improvementPercent()))
                        .toList(),
                report.benefits(),
                report.bcr(),
                report.roiPercent(),
                new ProgrammeRoi.Figures(report.withoutIsolation().benefits(), report.withoutIsolation().bcr(),
                        report.withoutIsolation().roiPercent()),
                report.standardsBroken().stream().map(Enum::name).toList(),
                chain(programmeId, loaded, report, view));
    }

    /** Every level in the report's view: reactions, follow-through and outcomes as of its date and instant. */
    private ProgrammeRoi.ChainOfImpact chain(UUID programmeId, List<MetricReader.LoadedMetric> loaded,
                                             RoiReport report, PastView view) {
        SetSafety.Reaction reaction = safety.reactionOfProgramme(programmeId, view);
        // the actions of the meetings a sponsor's figures count (see ReportedMeetings); a view without a date of
        // its own (EVERYTHING) is as of today
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate asOf = view == PastView.EVERYTHING ? today : view.asOf();
        PastView actionView = new PastView(asOf, view.recordedBy());
        FollowThrough followThrough = FollowThrough.asOf(actions.followThroughOfProgramme(programmeId, actionView)
                .stream().map(ActionReader.SetAction::record).toList(), asOf);
        boolean withheld = !reportedMeetings.anyInView(programmeId, actionView);
        int improved = 0;
        int targetsMet = 0;
        int withSignal = 0;
        for (MetricReader.LoadedMetric metric : loaded) {
            OutcomeAnalysis analysis = metric.analysis();
            improved += analysis.improvementPercent() != null && analysis.improvementPercent() > 0 ? 1 : 0;
            targetsMet += Boolean.TRUE.equals(analysis.targetMet()) ? 1 : 0;
            withSignal += analysis.signals().isEmpty() ? 0 : 1;
        }
        return new ProgrammeRoi.ChainOfImpact(
                new ProgrammeRoi.Level1(reaction.usefulness(), reaction.respondents()),
                new ProgrammeRoi.Level2(reaction.confidence(), reaction.commitment()),
                withheld ? new ProgrammeRoi.Level3(null, null, null, null)
                        : new ProgrammeRoi.Level3(followThrough.committed(), followThrough.completed(),
                        followThrough.completionRate(), followThrough.onTimeRate()),
                new ProgrammeRoi.Level4(loaded.size(), improved, targetsMet, withSignal),
                new ProgrammeRoi.Level5(report.bcr(), report.roiPercent()));
    }

    /** The ROI report of a programme's costs and (already analysed) metrics. */
    public static RoiReport report(List<Cost> costs, List<MetricReader.LoadedMetric> metrics) {
        return RoiCalculator.calculate(costs, metrics.stream().map(MetricReader.LoadedMetric::roiInput).toList());
    }
}
