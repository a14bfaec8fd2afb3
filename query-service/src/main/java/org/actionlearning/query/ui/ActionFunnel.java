package org.actionlearning.query.ui;

import org.actionlearning.query.read.programme.ProgrammeDashboard.FollowThroughSummary;

/** The stages of the sponsor dashboard's action funnel: committed, completed, completed on time. */
public record ActionFunnel(int committed, int completed, int completedOnTime) {

    static ActionFunnel of(FollowThroughSummary followThrough) {
        // the API gives onTimeRate = completed on time / completed; the count back from it is exact up to rounding
        int onTime = followThrough.onTimeRate() == null ? 0
                : (int) Math.round(followThrough.onTimeRate() * followThrough.completed());
        return new ActionFunnel(followThrough.committed(), followThrough.completed(), onTime);
    }
}
