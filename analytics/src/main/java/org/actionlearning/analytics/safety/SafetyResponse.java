package org.actionlearning.analytics.safety;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One attendee's answers to Edmondson's seven psychological-safety items, each 1 (very inaccurate) to 7 (very
 * accurate), in the published order. Items 1, 3 and 5 are worded negatively ("If you make a mistake on this team,
 * it is often held against you") and are reversed before use, so that 7 always means safer.
 */
public record SafetyResponse(List<Integer> items) {

    public static final int ITEMS = 7;
    public static final int LOWEST = 1;
    public static final int HIGHEST = 7;
    /** Positions (1-based, as published) of the negatively worded items. */
    public static final Set<Integer> NEGATIVELY_WORDED = Set.of(1, 3, 5);

    public SafetyResponse {
        Objects.requireNonNull(items, "items");
        if (items.size() != ITEMS) {
            throw new IllegalArgumentException("items must hold " + ITEMS + " answers, held " + items.size());
        }
        for (Integer item : items) {
            if (item == null || item < LOWEST || item > HIGHEST) {
                throw new IllegalArgumentException("each item must be an integer " + LOWEST + ".." + HIGHEST
                        + ", was " + item);
            }
        }
        items = List.copyOf(items);
    }

    /** 8 − x: the answer to a negatively worded item as if it had been worded positively. */
    public static int reverse(int answer) {
        return LOWEST + HIGHEST - answer;
    }

    /** The answers with the negatively worded items reversed. */
    public List<Integer> scoredItems() {
        return java.util.stream.IntStream.range(0, ITEMS)
                .mapToObj(i -> NEGATIVELY_WORDED.contains(i + 1) ? reverse(items.get(i)) : items.get(i))
                .toList();
    }

    /** Mean of the scored items. */
    public double score() {
        return scoredItems().stream().mapToInt(Integer::intValue).average().orElseThrow();
    }
}
