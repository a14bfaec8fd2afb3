package org.actionlearning.analytics.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The psychological safety of a meeting, a set or a programme: the mean score of its responses and the mean of
 * each (scored) item. Withheld (null figures, with the reason) below {@link Aggregation#MINIMUM_RESPONDENTS}.
 *
 * @param safetyScore  mean of the responses' scores; null when withheld or empty
 * @param respondents  responses counted (a withheld meeting's responses are not counted in a set's)
 * @param itemMeans    mean of each scored item, in the published order; empty when withheld
 * @param withheld     why the figures are not shown, or null
 */
public record SafetyScore(Double safetyScore, int respondents, List<Double> itemMeans, String withheld) {

    public SafetyScore {
        itemMeans = List.copyOf(itemMeans);
    }

    /** One meeting's responses (one per person: a second answer replaces the first before it gets here). */
    public static SafetyScore ofMeeting(List<SafetyResponse> responses) {
        Objects.requireNonNull(responses, "responses");
        if (!Aggregation.shown(responses.size())) {
            return withheld(responses.size());
        }
        return over(responses);
    }

    /**
     * A set or a programme: the mean over the responses of its meetings that are themselves shown. Pooling only
     * shown meetings means no withheld meeting can be recovered by subtracting the shown ones from the whole.
     */
    public static SafetyScore ofMeetings(List<List<SafetyResponse>> meetings) {
        List<SafetyResponse> pooled = new ArrayList<>();
        for (List<SafetyResponse> meeting : meetings) {
            if (Aggregation.shown(meeting.size())) {
                pooled.addAll(meeting);
            }
        }
        return Aggregation.shown(pooled.size()) ? over(pooled) : withheld(pooled.size());
    }

    private static SafetyScore over(List<SafetyResponse> responses) {
        double total = 0;
        double[] itemTotals = new double[SafetyResponse.ITEMS];
        for (SafetyResponse response : responses) {
            total += response.score();
            List<Integer> scored = response.scoredItems();
            for (int i = 0; i < SafetyResponse.ITEMS; i++) {
                itemTotals[i] += scored.get(i);
            }
        }
        List<Double> itemMeans = new ArrayList<>();
        for (double itemTotal : itemTotals) {
            itemMeans.add(itemTotal / responses.size());
        }
        return new SafetyScore(total / responses.size(), responses.size(), itemMeans, null);
    }

    private static SafetyScore withheld(int respondents) {
        return new SafetyScore(null, respondents, List.of(), Aggregation.TOO_FEW);
    }
}
