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

    /**
     * The note, on every answer over meetings, that meetings of fewer than three attendees are in no figure. Always
     * given, never with a count: whether such a meeting was held, or how many, would itself tell of fewer than three
     * people.
     */
    public static Withheld smallMeetingsLeftOut() {
        return new Withheld("meetings", "meetings held with fewer than " + PEOPLE + " attendees are left out of every "
                + "figure here, totals included, so that no figure describes fewer than " + PEOPLE + " people (the "
                + "counts of sets and members include everyone)");
    }

    public static Withheld withheld(String section) {
        return new Withheld(section, "covers fewer than " + PEOPLE + " people, so it would describe individuals; "
                + "withheld to keep what happens in a set confidential");
    }
}
