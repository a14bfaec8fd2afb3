package org.actionlearning.query.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.actionlearning.query.read.fairness.SetFairness;
import org.actionlearning.query.read.fairness.SetFairness.MeetingFairness;
import org.actionlearning.query.ui.UiProperties.FairnessThresholds;

/**
 * A set's fairness audit for its facilitator: the API's numbers per meeting with the flags the thresholds raise,
 * and the contributions grid. Only compares the API's values with thresholds; computes none.
 */
public record FairnessAudit(SetFairness fairness, List<MeetingRow> meetings, ContributionGrid grid,
                            FairnessThresholds thresholds) {

    /** @param index the meeting's position in the API's {@code meetings}, for JSON pointers */
    public record MeetingRow(int index, MeetingFairness meeting, List<String> silentNames, List<String> flags) {
    }

    static FairnessAudit of(SetFairness fairness, FairnessThresholds thresholds, Numbers numbers) {
        List<MeetingRow> rows = new ArrayList<>();
        for (int i = 0; i < fairness.meetings().size(); i++) {
            MeetingFairness meeting = fairness.meetings().get(i);
            List<String> silent = silentNames(meeting);
            rows.add(new MeetingRow(i, meeting, silent, flags(meeting, silent, thresholds, numbers)));
        }
        return new FairnessAudit(fairness, List.copyOf(rows), ContributionGrid.of(fairness), thresholds);
    }

    public long flaggedMeetings() {
        return meetings.stream().filter(row -> !row.flags().isEmpty()).count();
    }

    /** Who has presented in at least one meeting, by name. */
    public List<String> presenters() {
        return grid.rows().stream().filter(ContributionGrid.Row::presented).map(ContributionGrid.Row::name).toList();
    }

    static List<String> flags(MeetingFairness meeting, List<String> silent, FairnessThresholds thresholds,
                              Numbers numbers) {
        List<String> flags = new ArrayList<>();
        if (meeting.dominance() != null && meeting.dominance() >= thresholds.dominance()) {
            flags.add("Dominance " + numbers.ratio(meeting.dominance()) + " ≥ " + numbers.ratio(thresholds.dominance()));
        }
        if (thresholds.flagSilent() && !silent.isEmpty()) {
            // the names are in the meeting's Silent column beside the flag
            flags.add(silent.size() + (silent.size() == 1 ? " silent attendee" : " silent attendees"));
        }
        if (meeting.questionFocus() != null && meeting.questionFocus() < thresholds.questionFocus()) {
            flags.add("Question focus " + numbers.ratio(meeting.questionFocus()) + " < "
                    + numbers.ratio(thresholds.questionFocus()));
        }
        return List.copyOf(flags);
    }

    private static List<String> silentNames(MeetingFairness meeting) {
        List<UUID> silent = meeting.silentMembers();
        return meeting.members().stream()
                .filter(member -> silent.contains(member.personId()))
                .map(ContributionGrid::nameOf)
                .toList();
    }
}
