package org.actionlearning.analytics.safety;

/**
 * The optional reaction items of the after-meeting form (Kirkpatrick's levels 1 and 2), each 1..5 or null when not
 * answered: how useful the meeting was, how confident the member is to act, how committed to act.
 */
public record ReactionResponse(Integer usefulness, Integer confidence, Integer commitment) {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    public ReactionResponse {
        check(usefulness, "usefulness");
        check(confidence, "confidence");
        check(commitment, "commitment");
    }

    private static void check(Integer answer, String name) {
        if (answer != null && (answer < LOWEST || answer > HIGHEST)) {
            throw new IllegalArgumentException(name + " must be an integer " + LOWEST + ".." + HIGHEST
                    + ", was " + answer);
        }
    }
}
