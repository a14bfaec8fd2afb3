package org.actionlearning.query.read.facilitation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A facilitator's own sets, each with its trend, for the facilitator's own development. */
public record OwnSets(List<SetTrend> sets) {

    /**
     * @param presenterRotation current members who have presented / current members
     * @param completionRate    completed / committed actions of the set, as of today; null with none committed
     * @param safetyScore       over the set's meetings with 3 responses or more; null otherwise
     */
    public record SetTrend(UUID setId, String name, Double presenterRotation, int committed, Double completionRate,
                           Double safetyScore, int respondents, List<MeetingPoint> meetings) {
    }

    /** One meeting of the trend; the safety score is withheld (null) below 3 responses. */
    public record MeetingPoint(UUID meetingId, LocalDate heldOn, int attendees, Double gini, Double questionFocus,
                               Double safetyScore) {
    }
}
