package org.actionlearning.analytics.participation;

import static org.actionlearning.analytics.Statistics.requireNonNegative;

/**
 * How evenly contributions are spread over the n attendees of a meeting. Every function takes
 * one count per attendee (silent attendees as 0) and returns null where the measure is undefined.
 */
public final class ParticipationBalance {

    private ParticipationBalance() {
    }

    /**
     * Gini coefficient, population form: Σi Σj |xi − xj| / (2 n² mean). 0 is perfectly even,
     * (n − 1)/n is one voice only. Null if there are no attendees or nobody contributed.
     */
    public static Double gini(int... counts) {
        long total = total(counts);
        if (total == 0) {
            return null;
        }
        long sumOfAbsoluteDifferences = 0;
        for (int xi : counts) {
            for (int xj : counts) {
                sumOfAbsoluteDifferences += Math.abs((long) xi - xj);
            }
        }
        int n = counts.length;
        double mean = (double) total / n;
        return sumOfAbsoluteDifferences / (2.0 * n * n * mean);
    }

    /**
     * Shannon entropy of the shares, normalised by its maximum: −Σ pi ln pi / ln n, with 0 ln 0 = 0.
     * 1 is perfectly even, 0 is one voice only. Null if n &lt; 2 (ln 1 = 0) or nobody contributed.
     */
    public static Double normalisedEntropy(int... counts) {
        long total = total(counts);
        if (counts.length < 2 || total == 0) {
            return null;
        }
        double entropy = 0;
        for (int count : counts) {
            if (count > 0) {
                double share = (double) count / total;
                entropy -= share * Math.log(share);
            }
        }
        return entropy / Math.log(counts.length);
    }

    /**
     * n × the largest share: 1.0 is perfectly even, n is one voice only. Null if nobody contributed
     * (there are no shares then).
     */
    public static Double dominance(int... counts) {
        long total = total(counts);
        if (total == 0) {
            return null;
        }
        int largest = 0;
        for (int count : counts) {
            largest = Math.max(largest, count);
        }
        return counts.length * ((double) largest / total);
    }

    private static long total(int[] counts) {
        long total = 0;
        for (int count : counts) {
            total += requireNonNegative(count, "contribution count");
        }
        return total;
    }
}
