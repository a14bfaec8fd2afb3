package org.actionlearning.query.ui;

import java.util.Locale;
import org.actionlearning.query.read.roi.ProgrammeRoi;

/** The tables of the ROI report, each downloadable as CSV with the API's field names as columns. */
enum RoiTable {

    SUMMARY {
        @Override
        Csv csv(ProgrammeRoi roi) {
            return new Csv("currency", "costs", "benefits", "bcr", "roiPercent")
                    .row(roi.currency(), roi.costs().total(), roi.benefits(), roi.bcr(), roi.roiPercent());
        }
    },
    COSTS {
        @Override
        Csv csv(ProgrammeRoi roi) {
            Csv csv = new Csv("category", "amount", "currency");
            roi.costs().byCategory().forEach((category, amount) -> csv.row(category, amount, roi.currency()));
            return csv;
        }
    },
    BENEFITS {
        @Override
        Csv csv(ProgrammeRoi roi) {
            Csv csv = new Csv("metricId", "name", "improvement", "periodsPerYear", "valuePerUnit", "isolationFactor",
                    "isolated", "estimatesCounted", "estimatesWithheld", "annualBenefit", "currency");
            roi.metrics().forEach(m -> csv.row(m.metricId(), m.name(), m.improvement(), m.periodsPerYear(),
                    m.valuePerUnit(), m.isolationFactor(), m.isolated(), m.estimatesCounted(), m.estimatesWithheld(),
                    m.annualBenefit(), roi.currency()));
            return csv;
        }
    },
    INTANGIBLES {
        @Override
        Csv csv(ProgrammeRoi roi) {
            Csv csv = new Csv("metricId", "name", "improvementPercent");
            roi.intangibles().forEach(i -> csv.row(i.metricId(), i.name(), i.improvementPercent()));
            return csv;
        }
    };

    abstract Csv csv(ProgrammeRoi roi);

    /** Its name in the download's path and file name, e.g. {@code costs}. */
    String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
