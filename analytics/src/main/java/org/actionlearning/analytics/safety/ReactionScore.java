package org.actionlearning.analytics.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The reaction items' means over a meeting, set or programme. Each item is a mean over those who answered it and
 * is withheld (null) below {@link Aggregation#MINIMUM_RESPONDENTS} answers; a set or programme pools only the
 * meetings where the item is shown, as {@link SafetyScore} does.
 */
public record ReactionScore(Double usefulness, Double confidence, Double commitment, int respondents) {

    public static ReactionScore ofMeeting(List<ReactionResponse> responses) {
        return new ReactionScore(mean(List.of(responses), ReactionResponse::usefulness),
                mean(List.of(responses), ReactionResponse::confidence),
                mean(List.of(responses), ReactionResponse::commitment), responses.size());
    }

    public static ReactionScore ofMeetings(List<List<ReactionResponse>> meetings) {
        // like the means, the count leaves out meetings too small to show
        int respondents = meetings.stream().mapToInt(List::size).filter(Aggregation::shown).sum();
        return new ReactionScore(mean(meetings, ReactionResponse::usefulness),
                mean(meetings, ReactionResponse::confidence), mean(meetings, ReactionResponse::commitment),
                respondents);
    }

    private static Double mean(List<List<ReactionResponse>> meetings, Function<ReactionResponse, Integer> item) {
        List<Integer> pooled = new ArrayList<>();
        for (List<ReactionResponse> meeting : meetings) {
            List<Integer> answers = meeting.stream().map(item).filter(a -> a != null).toList();
            if (Aggregation.shown(answers.size())) {
                pooled.addAll(answers);
            }
        }
        return Aggregation.shown(pooled.size())
                ? pooled.stream().mapToInt(Integer::intValue).average().orElseThrow() : null;
    }
}
