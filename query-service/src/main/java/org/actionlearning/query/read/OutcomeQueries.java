package org.actionlearning.query.read;

import java.util.List;
import java.util.UUID;
import org.actionlearning.analytics.outcomes.Measurement;
import org.actionlearning.analytics.outcomes.AnhojRules;
import org.actionlearning.analytics.outcomes.OutcomeAnalysis;
import org.actionlearning.analytics.outcomes.Target;
import org.actionlearning.query.jooq.tables.records.OutcomeMetricRecord;
import org.actionlearning.query.read.MetricDetail.Point;
import org.actionlearning.query.read.MetricDetail.TargetView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** One outcome metric with its points and numbers. */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class OutcomeQueries {

    private final MetricReader metrics;

    public OutcomeQueries(MetricReader metrics) {
        this.metrics = metrics;
    }

    public MetricDetail metric(UUID metricId) {
        MetricReader.LoadedMetric metric = metrics.byId(metricId)
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
                MetricReader.LoadedMetric.signalNames(analysis));
    }

    private static List<Point> points(List<Measurement> measurements) {
        return MetricReader.LoadedMetric.points(measurements);
    }
}
