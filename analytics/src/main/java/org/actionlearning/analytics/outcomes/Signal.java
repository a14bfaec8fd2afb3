package org.actionlearning.analytics.outcomes;

/** Signals of non-random change in a metric's follow-ups: IHI run-chart rules, Anhøj's rules and XmR limits. */
public enum Signal {
    /** 6 or more consecutive follow-up points on the improving side of the centre line (IHI). */
    SHIFT,
    /** 5 or more consecutive follow-up points, each better than the one before (IHI). */
    TREND,
    /** A run on one side of the centre line longer than round(log2(n) + 3) (Anhøj). */
    LONG_RUN,
    /** Fewer crossings of the centre line than random variation gives 95% of the time (Anhøj). */
    FEW_CROSSINGS,
    /** At least one follow-up point beyond the XmR limit on the improving side. */
    BEYOND_LIMITS
}
