package org.actionlearning.analytics.outcomes;

/**
 * A metric's target, e.g. "15% fewer discharge delays within 90 days".
 *
 * @param changePercent the improvement to reach, in percent (&gt; 0, in the improving direction)
 * @param withinDays    counted from the last baseline date (&gt; 0)
 */
public record Target(double changePercent, int withinDays) {

    public Target {
        if (!(changePercent > 0) || Double.isInfinite(changePercent)) {
            throw new IllegalArgumentException("changePercent must be a finite number > 0, was " + changePercent);
        }
        if (withinDays <= 0) {
            throw new IllegalArgumentException("withinDays must be > 0, was " + withinDays);
        }
    }
}
