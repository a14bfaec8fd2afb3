package org.actionlearning.query.read;

import java.util.List;
import java.util.UUID;
import org.actionlearning.analytics.roi.AttributionEstimate;
import org.actionlearning.query.read.MetricDetail.Point;
import org.actionlearning.query.read.MetricDetail.TargetView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme's outcome metrics as their administrator keeps them: the definition, the values recorded so far and
 * how many attribution estimates were collected. The analysis lives on the dashboard; this is the register.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class OutcomeRegister {

    /**
     * @param valuePerUnit        null for an intangible
     * @param meanAttributionPercent null without estimates
     */
    public record Entry(UUID metricId, String name, String unit, String direction, String period, Double valuePerUnit,
                        TargetView target, List<Point> baselinePoints, List<Point> followUps, int estimates,
                        Double meanAttributionPercent, Double meanConfidencePercent) {
    }

    private final MetricReader metrics;

    OutcomeRegister(MetricReader metrics) {
        this.metrics = metrics;
    }

    public List<Entry> ofProgramme(UUID programmeId) {
        return metrics.ofProgramme(programmeId, PastView.EVERYTHING).stream().map(OutcomeRegister::entry).toList();
    }

    private static Entry entry(MetricReader.LoadedMetric metric) {
        var row = metric.row();
        var target = MetricReader.targetOf(row);
        List<AttributionEstimate> estimates = metric.estimates();
        return new Entry(row.getMetricId(), row.getName(), row.getUnit(), row.getDirection(), row.getPeriod(),
                MetricReader.toDouble(row.getValuePerUnit()),
                target == null ? null : new TargetView(target.changePercent(), target.withinDays()),
                MetricReader.LoadedMetric.points(metric.baselinePoints()),
                MetricReader.LoadedMetric.points(metric.followUps()), estimates.size(),
                mean(estimates.stream().mapToDouble(AttributionEstimate::attributionPercent).toArray()),
                mean(estimates.stream().mapToDouble(AttributionEstimate::confidencePercent).toArray()));
    }

    private static Double mean(double[] values) {
        return values.length == 0 ? null : java.util.Arrays.stream(values).average().orElseThrow();
    }
}
