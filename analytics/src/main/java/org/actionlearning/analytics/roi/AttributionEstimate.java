package org.actionlearning.analytics.roi;

/**
 * A participant's estimate of how much of a metric's change the programme caused, and how sure
 * they are (Phillips isolation by participant estimate).
 *
 * @param attributionPercent share of the change caused by the programme, 0..100
 * @param confidencePercent  confidence in that estimate, 0..100
 */
public record AttributionEstimate(double attributionPercent, double confidencePercent) {

    public AttributionEstimate {
        requirePercent(attributionPercent, "attributionPercent");
        requirePercent(confidencePercent, "confidencePercent");
    }

    /** Attribution discounted by confidence, as a fraction: attribution% × confidence% / 10 000. */
    public double adjustedShare() {
        return attributionPercent * confidencePercent / 10_000;
    }

    private static void requirePercent(double value, String name) {
        if (!(value >= 0 && value <= 100)) {
            throw new IllegalArgumentException(name + " must be within 0..100, was " + value);
        }
    }
}
