package org.actionlearning.command.action;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.command.action.ActionCommands.AbandonAction;
import org.actionlearning.command.action.ActionCommands.CompleteAction;
import org.actionlearning.command.action.ActionCommands.ReportActionProgress;
import org.actionlearning.command.action.ActionCommands.RescheduleAction;
import org.actionlearning.command.domain.Rules;
import org.actionlearning.events.action.ActionAbandoned;
import org.actionlearning.events.action.ActionCommitted;
import org.actionlearning.events.action.ActionCompleted;
import org.actionlearning.events.action.ActionProgressReported;
import org.actionlearning.events.action.ActionRescheduled;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.actionlearning.command.consistency.TransactionScopedLocks;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An action a presenter committed to in a meeting. It is created by the learning set (which checks the meeting)
 * and then followed up on its own, often months later: completed or abandoned once, never both.
 */
@Aggregate(lockFactory = TransactionScopedLocks.BEAN)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Action {

    enum Status { OPEN, COMPLETED, ABANDONED }

    @AggregateIdentifier
    private UUID actionId;
    private UUID programmeId;
    private UUID setId;
    private LocalDate committedOn;
    private LocalDate dueOn;
    private Status status;

    protected Action() {
        // for Axon
    }

    /** Called by the learning set in which the action was committed. */
    public Action(ActionCommitted committed) {
        apply(committed);
    }

    @CommandHandler
    public void handle(ReportActionProgress command) {
        requireOpen();
        Rules.percentage("percentComplete", command.percentComplete());
        Rules.notBefore("reportedOn", command.reportedOn(), committedOn, "the commitment date");
        apply(new ActionProgressReported(actionId, programmeId, setId, command.reportedOn(),
                command.percentComplete(), command.note()));
    }

    @CommandHandler
    public void handle(CompleteAction command) {
        requireOpen();
        Rules.notBefore("completedOn", command.completedOn(), committedOn, "the commitment date");
        apply(new ActionCompleted(actionId, programmeId, setId, command.completedOn(), command.evidence()));
    }

    @CommandHandler
    public void handle(AbandonAction command) {
        requireOpen();
        Rules.notBefore("abandonedOn", command.abandonedOn(), committedOn, "the commitment date");
        apply(new ActionAbandoned(actionId, programmeId, setId, command.abandonedOn(), command.reason()));
    }

    @CommandHandler
    public void handle(RescheduleAction command) {
        requireOpen();
        Rules.notBefore("dueOn", command.dueOn(), committedOn, "the commitment date");
        apply(new ActionRescheduled(actionId, programmeId, setId, dueOn, command.dueOn(), command.reason()));
    }

    private void requireOpen() {
        Rules.require(status == Status.OPEN, null, "action " + actionId + " is already "
                + status.name().toLowerCase());
    }

    @EventSourcingHandler
    void on(ActionCommitted event) {
        actionId = event.actionId();
        programmeId = event.programmeId();
        setId = event.setId();
        committedOn = event.committedOn();
        dueOn = event.dueOn();
        status = Status.OPEN;
    }

    @EventSourcingHandler
    void on(ActionRescheduled event) {
        dueOn = event.dueOn();
    }

    @EventSourcingHandler
    void on(ActionCompleted event) {
        status = Status.COMPLETED;
    }

    @EventSourcingHandler
    void on(ActionAbandoned event) {
        status = Status.ABANDONED;
    }
}
