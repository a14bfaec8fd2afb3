package org.actionlearning.query.read.outcome;

import java.util.List;
import java.util.UUID;
import org.actionlearning.analytics.roi.AttributionEstimate;
import org.actionlearning.query.read.PastView;
import org.actionlearning.query.read.outcome.MetricDetail.TargetView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme's outcome metrics as their administrator keeps them: the definition, the values recorded so far and
 * how many attribution estimates were collected. The analysis lives on the dashboard; this is the register.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class OutcomeRegisterQueries {

    private final MetricReader metrics;

    OutcomeRegisterQueries(MetricReader metrics) {
        this.metrics = metrics;
    }

    public List<RegisterEntry> ofProgramme(UUID programmeId) {
        return metrics.ofProgramme(programmeId, PastView.EVERYTHING).stream().map(OutcomeRegisterQueries::entry)
                .toList();
    }

    private static RegisterEntry entry(MetricReader.LoadedMetric metric) {
        var row = metric.row();
        var target = MetricReader.targetOf(row);
        List<AttributionEstimate> estimates = metric.estimates();
        return new RegisterEntry(row.getMetricId(), row.getName(), row.getUnit(), row.getDirection(), row.getPeriod(),
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
