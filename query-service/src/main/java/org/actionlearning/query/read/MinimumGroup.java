package org.actionlearning.query.read;

/**
 * No aggregate over fewer than three people reaches a sponsor or the organisation (docs/trust.md): with one or
 * two people behind a number, the number is about them. Such a figure is withheld and the answer says why.
 */
public final class MinimumGroup {

    public static final int PEOPLE = 3;

    private MinimumGroup() {
    }

    /** A figure left out of an answer, and why. */
    public record Withheld(String section, String reason) {
    }

    public static boolean tooSmall(long people) {
        return people < PEOPLE;
    }

    /** The note that some sets are in no figure of the answer. */
    public static Withheld leftOut(int sets) {
        return new Withheld("sets", sets + (sets == 1 ? " set has" : " sets have") + " had fewer than " + PEOPLE
                + " people: their activity is left out of every figure here, totals included, so that no figure "
                + "describes individuals (the counts of sets and members still include them)");
    }

    public static Withheld withheld(String section) {
        return new Withheld(section, "covers fewer than " + PEOPLE + " people, so it would describe individuals; "
                + "withheld to keep what happens in a set confidential");
    }
}
