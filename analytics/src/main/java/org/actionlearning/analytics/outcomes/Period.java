package org.actionlearning.analytics.outcomes;

/** The span of time one value of a metric covers. */
public enum Period {
    DAY(365),
    WEEK(52),
    MONTH(12),
    QUARTER(4),
    YEAR(1);

    private final int periodsPerYear;

    Period(int periodsPerYear) {
        this.periodsPerYear = periodsPerYear;
    }

    /** How many such periods a year has, as used to annualise a benefit (365, 52, 12, 4, 1). */
    public int periodsPerYear() {
        return periodsPerYear;
    }
}
