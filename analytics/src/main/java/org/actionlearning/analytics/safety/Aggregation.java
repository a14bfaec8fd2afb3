package org.actionlearning.analytics.safety;

/** The disclosure rule shared by every aggregate of personal answers. */
public final class Aggregation {

    /** Fewer respondents than this and an aggregate is withheld. */
    public static final int MINIMUM_RESPONDENTS = 3;

    public static final String TOO_FEW = "fewer than " + MINIMUM_RESPONDENTS + " responses";

    private Aggregation() {
    }

    public static boolean shown(int respondents) {
        return respondents >= MINIMUM_RESPONDENTS;
    }
}
