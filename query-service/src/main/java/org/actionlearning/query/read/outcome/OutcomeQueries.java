package org.actionlearning.query.read.outcome;

import static org.actionlearning.query.jooq.Tables.OUTCOME_PHASE;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.actionlearning.analytics.outcomes.AnhojRules;
import org.actionlearning.analytics.outcomes.ChartPhase;
import org.actionlearning.analytics.outcomes.Measurement;
import org.actionlearning.analytics.outcomes.OutcomeAnalysis;
import org.actionlearning.analytics.outcomes.Target;
import org.actionlearning.query.jooq.tables.records.OutcomeMetricRecord;
import org.actionlearning.query.read.MinimumGroup;
import org.actionlearning.query.read.PastView;
import org.actionlearning.query.read.UnknownResource;
import org.actionlearning.query.read.outcome.MetricDetail.Point;
import org.actionlearning.query.read.outcome.MetricDetail.TargetView;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** One outcome metric with its points and numbers. */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class OutcomeQueries {

    private final MetricReader metrics;
    private final DSLContext db;

    public OutcomeQueries(MetricReader metrics, DSLContext db) {
        this.metrics = metrics;
        this.db = db;
    }

    public MetricDetail metric(UUID metricId) {
        return metric(metricId, PastView.EVERYTHING);
    }

    /** The metric with the points and estimates of the view (see {@link PastView}). */
    public MetricDetail metric(UUID metricId, PastView view) {
        MetricReader.LoadedMetric metric = metrics.byId(metricId, view)
                .orElseThrow(() -> new UnknownResource("metricId", "outcome metric", metricId));
        OutcomeMetricRecord row = metric.row();
        OutcomeAnalysis analysis = metric.analysis();
        AnhojRules runChart = analysis.runChart();
        Target target = metric.definition().target();
        return new MetricDetail(row.getMetricId(), row.getProgrammeId(), row.getName(), row.getUnit(),
                row.getDirection(), row.getPeriod(), metric.definition().valuePerUnit(),
                target == null ? null : new TargetView(target.changePercent(), target.withinDays()),
                points(metric.baselinePoints()), points(metric.followUps()),
                analysis.centreLine(), analysis.baseline(), analysis.latest(), analysis.changePercent(),
                analysis.improvementPercent(), analysis.targetMet(), analysis.daysToTarget(), analysis.pValue(),
                runChart == null ? null : runChart.longestRun(), runChart == null ? null : runChart.longestRunLimit(),
                runChart == null ? null : runChart.crossings(), runChart == null ? null : runChart.crossingsLimit(),
                MetricReader.LoadedMetric.xmr(analysis), points(analysis.beyondLimits()),
                phases(metric), metric.interventions().shown(), MetricReader.LoadedMetric.signalNames(analysis),
                metric.interventions().withheld() ? List.of(MinimumGroup.withheld("interventions")) : List.of());
    }

    /** The run chart's phases: the baseline's, then one per rebase, each with its own level and limits. */
    private List<MetricDetail.PhaseView> phases(MetricReader.LoadedMetric metric) {
        List<LocalDate> rebasedOn = db.select(OUTCOME_PHASE.STARTS_ON).from(OUTCOME_PHASE)
                .where(OUTCOME_PHASE.METRIC_ID.eq(metric.row().getMetricId()))
                .fetch(OUTCOME_PHASE.STARTS_ON);
        return ChartPhase.of(metric.baselinePoints(), metric.followUps(), rebasedOn).stream()
                .map(phase -> new MetricDetail.PhaseView(phase.startsOn(), phase.centreLine(),
                        phase.xmr() == null ? null : new MetricDetail.XmrView(phase.xmr().centre(),
                                phase.xmr().lower(), phase.xmr().upper()), phase.points()))
                .toList();
    }

    private static List<Point> points(List<Measurement> measurements) {
        return MetricReader.LoadedMetric.points(measurements);
    }
}
