package org.actionlearning.analytics.outcomes;

import java.time.LocalDate;
import java.util.Objects;
import org.actionlearning.analytics.Statistics;

/** One value of a metric (a baseline point or a follow-up). */
public record Measurement(LocalDate measuredOn, double value) {

    public Measurement {
        Objects.requireNonNull(measuredOn, "measuredOn");
        Statistics.requireFinite(value, "value");
    }
}
