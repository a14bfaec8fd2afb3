package org.actionlearning.analytics;

import java.util.Arrays;
import java.util.Collection;

/** Small statistics shared by the concepts. Undefined results are {@code null}. */
public final class Statistics {

    private Statistics() {
    }

    /** Arithmetic mean; null for no values. */
    public static Double mean(double... values) {
        if (values.length == 0) {
            return null;
        }
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** Median (mean of the two middle values for an even count); null for no values. */
    public static Double median(double... values) {
        if (values.length == 0) {
            return null;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** {@code numerator / denominator}; null when the denominator is 0. */
    public static Double ratio(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }

    /** The values of a collection of numbers as a primitive array. */
    public static double[] toArray(Collection<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).toArray();
    }

    /** Throws IllegalArgumentException naming {@code name} if {@code value} is negative. */
    public static int requireNonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }

    /** Throws IllegalArgumentException naming {@code name} if {@code value} is negative, NaN or infinite. */
    public static double requireNonNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
        }
        return value;
    }

    /** Throws IllegalArgumentException naming {@code name} if {@code value} is NaN or infinite. */
    public static double requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, was " + value);
        }
        return value;
    }
}
