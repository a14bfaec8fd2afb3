package org.actionlearning.query.read.programme;

import java.util.List;
import java.util.UUID;
import org.actionlearning.query.read.MinimumGroup;
import org.actionlearning.query.read.ReportedMeetings;
import org.actionlearning.query.read.outcome.MetricSummary;
import org.actionlearning.query.read.safety.SetSafety;

/**
 * The aggregates of one programme: activity, follow-through, participation, outcomes and ROI. Activity, follow-through
 * and participation cover the meetings held with three attendees or more ({@link ReportedMeetings}); follow-through
 * and participation are null, and named in {@code withheld}, when there is no such meeting. {@code withheld} always
 * ends with the note that meetings of fewer than three attendees are left out.
 */
public record ProgrammeDashboard(UUID programmeId, String name, Counts counts, FollowThroughSummary followThrough,
                                 ParticipationSummary participation, List<MetricSummary> outcomes, RoiSummary roi,
                                 List<MinimumGroup.Withheld> withheld, SetSafety.Summary safety) {

    /**
     * @param members      distinct active members over the programme's sets
     * @param meetingsHeld meetings held with three attendees or more; the activity counts are over those too
     */
    public record Counts(int sets, int members, int meetingsHeld, int challengesPresented, int questionsAsked,
                         int statementsMade) {
    }

    /** See {@code FollowThrough}: {@code overdue} as of the requested date. */
    public record FollowThroughSummary(int committed, int completed, int abandoned, int open, int overdue,
                                       Double completionRate, Double onTimeRate, Double medianDaysToComplete) {
    }

    /**
     * Means over the opened meetings of the values that are defined in them; null where no meeting has one.
     *
     * @param meetings meetings held with three attendees or more: those the means are over
     */
    public record ParticipationSummary(int meetings, Double meanGini, Double meanNormalisedEntropy,
                                       Double meanQuestionFocus, Double meanOpenQuestionRatio) {
    }

    /** @param costs Σ recorded costs; bcr and roiPercent are null when costs are 0 */
    public record RoiSummary(double benefits, double costs, Double bcr, Double roiPercent) {
    }
}
