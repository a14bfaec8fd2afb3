package org.actionlearning.analytics.outcomes;

/** Run-chart signals of non-random improvement (IHI rules), see {@link RunChart}. */
public enum Signal {
    /** 6 or more consecutive follow-up points on the improving side of the centre line. */
    SHIFT,
    /** 5 or more consecutive follow-up points, each better than the one before. */
    TREND
}
