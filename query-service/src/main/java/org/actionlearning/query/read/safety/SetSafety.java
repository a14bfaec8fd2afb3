package org.actionlearning.query.read.safety;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.actionlearning.query.read.MinimumGroup;

/**
 * Psychological safety and the reaction items of a set, meeting by meeting, never below three respondents: a
 * withheld meeting has null figures and is named in {@code withheld}; the set's figures pool only meetings shown.
 */
public record SetSafety(UUID setId, Double safetyScore, int respondents, List<Double> itemMeans, Reaction reaction,
                        List<MeetingSafety> meetings, List<MinimumGroup.Withheld> withheld) {

    public record MeetingSafety(UUID meetingId, LocalDate heldOn, Double safetyScore, int respondents,
                                List<Double> itemMeans, Reaction reaction) {
    }

    /** Means of the optional reaction items (1..5), each null below three answers. */
    public record Reaction(Double usefulness, Double confidence, Double commitment, int respondents) {
    }

    /** A programme's (or any pool's) safety as the dashboard shows it. */
    public record Summary(Double safetyScore, int respondents) {
    }
}
