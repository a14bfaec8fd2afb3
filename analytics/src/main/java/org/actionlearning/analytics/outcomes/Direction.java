package org.actionlearning.analytics.outcomes;

/** Which way a metric improves. */
public enum Direction {
    /** Less is better (e.g. discharge delays, energy used). */
    DECREASE,
    /** More is better (e.g. engagement score). */
    INCREASE;

    /** A change expressed so that positive means better: −change for DECREASE, +change for INCREASE. */
    public double asImprovement(double change) {
        return this == INCREASE ? change : -change;
    }

    /** Whether {@code candidate} is strictly better than {@code reference}. */
    public boolean isBetter(double candidate, double reference) {
        return this == INCREASE ? candidate > reference : candidate < reference;
    }
}
