package org.actionlearning.analytics.roi;

import java.util.List;
import java.util.Objects;

/**
 * The share of a metric's improvement credited to the programme.
 *
 * <p>Members give their own estimates and a sponsor must not read one person's back from the factor. So the
 * factor counts estimates only in whole groups of {@value #GROUP}, in the order the caller gives them (estimated
 * on, then recorded, then id): with n estimates it counts the first 3·⌊n/3⌋. Below three nothing is counted and
 * the improvement is credited in full, not isolated; any two views of the factor (as of two dates or instants)
 * then differ by a whole group's sum, never by one estimate.
 *
 * @param factor            mean of the counted estimates' adjusted shares; 1.0 when none is counted
 * @param isolated          whether the factor comes from estimates (false: the whole improvement is credited)
 * @param estimatesCounted  estimates the factor is the mean of: a multiple of three
 * @param estimatesWithheld estimates given but not counted (yet): the last n mod 3, or all while fewer than three
 */
public record Isolation(double factor, boolean isolated, int estimatesCounted, int estimatesWithheld) {

    /** The size of the groups estimates are counted in: the smallest group whose mean hides each member's value. */
    public static final int GROUP = 3;

    /** The estimates that count, of the ones given in order: the first 3·⌊n/3⌋. */
    public static <T> List<T> counted(List<T> ordered) {
        Objects.requireNonNull(ordered, "estimates");
        return List.copyOf(ordered.subList(0, ordered.size() / GROUP * GROUP));
    }

    /** Isolates by the mean of (attribution% × confidence%) / 10 000 over the counted estimates. */
    public static Isolation of(List<AttributionEstimate> ordered) {
        List<AttributionEstimate> counted = counted(ordered);
        int withheld = ordered.size() - counted.size();
        if (counted.isEmpty()) {
            return new Isolation(1.0, false, 0, withheld);
        }
        double mean = counted.stream().mapToDouble(AttributionEstimate::adjustedShare).average().orElseThrow();
        return new Isolation(mean, true, counted.size(), withheld);
    }
}
