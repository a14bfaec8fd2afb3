package org.actionlearning.benchmark;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query service's own measure of the pipeline, read from its Prometheus endpoint: {@code als.projection.lag},
 * from an event being stored to its read-model commit, as cumulative histogram buckets. Two readings, before and
 * after a step, give the lag of the events projected in between; a percentile is the upper bound of the bucket that
 * holds it (Micrometer's buckets are roughly a third apart at these latencies).
 */
final class ProjectionLagHistogram {

    private static final Pattern BUCKET = Pattern.compile(
            "^als_projection_lag_seconds_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)$", Pattern.MULTILINE);

    /** Cumulative counts by upper bound in seconds. */
    record Reading(TreeMap<Double, Double> cumulative) {

        /** The events counted in {@code later} and not in this one, by bucket. */
        Reading until(Reading later) {
            TreeMap<Double, Double> difference = new TreeMap<>();
            later.cumulative.forEach((bound, count) -> difference.put(bound,
                    count - cumulative.getOrDefault(bound, 0.0)));
            return new Reading(difference);
        }

        /** The upper bound, in milliseconds, of the bucket holding the p-th percentile; NaN if none counted. */
        double percentileMillis(double p) {
            double total = cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
            if (total <= 0) {
                return Double.NaN;
            }
            for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
                if (bucket.getValue() >= p / 100.0 * total) {
                    return bucket.getKey() * 1000;
                }
            }
            return Double.POSITIVE_INFINITY;
        }
    }

    private ProjectionLagHistogram() {
    }

    static Reading read(BenchHttp http, String queryUrl) {
        BenchHttp.Answer answer = http.get(queryUrl + "/actuator/prometheus");
        if (!answer.ok()) {
            throw new IllegalStateException("the query service's metrics answered " + answer.status());
        }
        return parse(answer.body());
    }

    static Reading parse(String prometheusText) {
        TreeMap<Double, Double> cumulative = new TreeMap<>();
        Matcher bucket = BUCKET.matcher(prometheusText);
        while (bucket.find()) {
            double bound = "+Inf".equals(bucket.group(1)) ? Double.POSITIVE_INFINITY
                    : Double.parseDouble(bucket.group(1));
            cumulative.put(bound, Double.parseDouble(bucket.group(2)));
        }
        return new Reading(cumulative);
    }
}
