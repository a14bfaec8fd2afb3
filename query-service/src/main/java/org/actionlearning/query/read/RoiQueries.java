package org.actionlearning.query.read;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.analytics.roi.Cost;
import org.actionlearning.analytics.roi.RoiCalculator;
import org.actionlearning.analytics.roi.RoiReport;
import org.actionlearning.query.jooq.tables.records.ProgrammeRecord;
import org.actionlearning.query.read.ProgrammeRoi.Costs;
import org.actionlearning.query.read.ProgrammeRoi.IntangibleView;
import org.actionlearning.query.read.ProgrammeRoi.MetricBenefitView;
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

    public RoiQueries(ProgrammeReader programmes, MetricReader metrics, CostReader costs) {
        this.programmes = programmes;
        this.metrics = metrics;
        this.costs = costs;
    }

    public ProgrammeRoi roi(UUID programmeId) {
        return roi(programmeId, PastView.EVERYTHING);
    }

    /** The ROI of the costs and points of the view (see {@link PastView}). */
    public ProgrammeRoi roi(UUID programmeId, PastView view) {
        ProgrammeRecord programme = programmes.require(programmeId);
        RoiReport report = report(costs.ofProgramme(programmeId, view), metrics.ofProgramme(programmeId, view));
        Map<String, Double> byCategory = new LinkedHashMap<>();
        report.costs().byCategory().forEach((category, amount) -> byCategory.put(category.name(), amount));
        return new ProgrammeRoi(
                programme.getCurrency(),
                new Costs(report.costs().total(), byCategory),
                report.metrics().stream().map(m -> new MetricBenefitView(m.metricId(), m.name(), m.improvement(),
                        m.periodsPerYear(), m.valuePerUnit(), m.isolationFactor(), m.isolated(), m.annualBenefit()))
                        .toList(),
                report.intangibles().stream()
                        .map(i -> new IntangibleView(i.metricId(), i.name(), i.improvementPercent()))
                        .toList(),
                report.benefits(),
                report.bcr(),
                report.roiPercent(),
                new ProgrammeRoi.Figures(report.withoutIsolation().benefits(), report.withoutIsolation().bcr(),
                        report.withoutIsolation().roiPercent()),
                report.standardsBroken().stream().map(Enum::name).toList());
    }

    /** The ROI report of a programme's costs and (already analysed) metrics. */
    static RoiReport report(List<Cost> costs, List<MetricReader.LoadedMetric> metrics) {
        return RoiCalculator.calculate(costs, metrics.stream().map(MetricReader.LoadedMetric::roiInput).toList());
    }
}
