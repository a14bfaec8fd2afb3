package org.actionlearning.analytics.roi;

import java.util.List;
import java.util.Objects;

/**
 * The share of a metric's improvement credited to the programme.
 *
 * @param factor   mean of the estimates' adjusted shares; 1.0 without estimates
 * @param isolated whether any estimate was made (false: the whole improvement is credited)
 */
public record Isolation(double factor, boolean isolated) {

    /** Isolates by the mean of (attribution% × confidence%) / 10 000 over the estimates. */
    public static Isolation of(List<AttributionEstimate> estimates) {
        Objects.requireNonNull(estimates, "estimates");
        if (estimates.isEmpty()) {
            return new Isolation(1.0, false);
        }
        double mean = estimates.stream().mapToDouble(AttributionEstimate::adjustedShare).average().orElseThrow();
        return new Isolation(mean, true);
    }
}
