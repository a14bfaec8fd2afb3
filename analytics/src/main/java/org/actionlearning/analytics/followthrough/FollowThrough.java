package org.actionlearning.analytics.followthrough;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.actionlearning.analytics.Statistics;

/**
 * Follow-through of a programme's or a set's actions.
 *
 * @param committed            actions committed
 * @param completed            of which completed
 * @param abandoned            of which abandoned
 * @param open                 committed − completed − abandoned
 * @param overdue              open actions whose due date is before the as-of date
 * @param completionRate       completed / committed; null if none committed
 * @param onTimeRate           completed on or before due / completed; null if none completed
 * @param medianDaysToComplete median of (completedOn − committedOn) in days; null if none completed
 */
public record FollowThrough(
        int committed,
        int completed,
        int abandoned,
        int open,
        int overdue,
        Double completionRate,
        Double onTimeRate,
        Double medianDaysToComplete) {

    /**
     * Computes the follow-through of {@code actions}. As in the query API, the as-of date governs
     * {@code overdue}: the actions are taken as recorded.
     */
    public static FollowThrough asOf(List<ActionRecord> actions, LocalDate asOf) {
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(asOf, "asOf");
        int committed = actions.size();
        int completed = count(actions.stream().filter(ActionRecord::isCompleted).count());
        int abandoned = count(actions.stream().filter(ActionRecord::isAbandoned).count());
        int overdue = count(actions.stream().filter(action -> action.isOverdueOn(asOf)).count());
        int completedOnTime = count(actions.stream().filter(ActionRecord::isCompletedOnTime).count());
        double[] daysToComplete = actions.stream()
                .filter(ActionRecord::isCompleted)
                .mapToDouble(action -> ChronoUnit.DAYS.between(action.committedOn(), action.completedOn()))
                .toArray();

        return new FollowThrough(
                committed,
                completed,
                abandoned,
                committed - completed - abandoned,
                overdue,
                Statistics.ratio(completed, committed),
                Statistics.ratio(completedOnTime, completed),
                Statistics.median(daysToComplete));
    }

    private static int count(long count) {
        return Math.toIntExact(count);
    }
}
