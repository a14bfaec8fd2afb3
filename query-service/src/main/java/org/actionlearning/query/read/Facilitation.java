package org.actionlearning.query.read;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * How well sets are facilitated, for the facilitator's own development (their own sets) and, in aggregate only, for
 * the organisation's administrator: participation balance, question focus, presenter rotation, follow-through and
 * psychological safety, over time. Never a league table of named facilitators, and never for sponsors.
 */
public final class Facilitation {

    private Facilitation() {
    }

    /** A facilitator's own sets, each with its trend. */
    public record OwnSets(List<SetTrend> sets) {
    }

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

    /**
     * An organisation's facilitation in aggregate: means over its sets of three people or more, and by month. No
     * set or facilitator is named.
     *
     * @param sets           sets counted (three people or more)
     * @param meanGini       mean over their meetings of three attendees or more
     * @param trend          by month of the meetings held
     */
    public record OrganisationAggregate(String organisation, int sets, Double meanGini, Double meanQuestionFocus,
                                        Double meanPresenterRotation, int committed, Double completionRate,
                                        Double safetyScore, int respondents, List<MonthPoint> trend,
                                        List<MinimumGroup.Withheld> withheld) {
    }

    /** @param month the month as yyyy-MM */
    public record MonthPoint(String month, int meetings, Double meanGini, Double meanQuestionFocus,
                             Double safetyScore) {
    }
}
