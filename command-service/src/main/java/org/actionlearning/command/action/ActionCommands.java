package org.actionlearning.command.action;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands that follow an action through to completion or abandonment. */
public final class ActionCommands {

    private ActionCommands() {
    }

    public record ReportActionProgress(@TargetAggregateIdentifier UUID actionId, LocalDate reportedOn,
                                       int percentComplete, String note) {
    }

    public record CompleteAction(@TargetAggregateIdentifier UUID actionId, LocalDate completedOn, String evidence) {
    }

    public record AbandonAction(@TargetAggregateIdentifier UUID actionId, LocalDate abandonedOn, String reason) {
    }

    public record RescheduleAction(@TargetAggregateIdentifier UUID actionId, LocalDate dueOn, String reason) {
    }
}
