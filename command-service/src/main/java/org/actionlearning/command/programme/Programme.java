package org.actionlearning.command.programme;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;
import org.actionlearning.command.domain.InvalidCommandValue;
import org.actionlearning.command.domain.Rules;
import org.actionlearning.command.learningset.LearningSet;
import org.actionlearning.command.learningset.SetCommands.FormSet;
import org.actionlearning.command.outcome.OutcomeCommands.DefineOutcomeMetric;
import org.actionlearning.command.outcome.OutcomeMetric;
import org.actionlearning.command.programme.ProgrammeCommands.CloseProgramme;
import org.actionlearning.command.programme.ProgrammeCommands.ErasePersonalData;
import org.actionlearning.command.programme.ProgrammeCommands.LaunchProgramme;
import org.actionlearning.command.programme.ProgrammeCommands.RecordProgrammeCost;
import org.actionlearning.events.personaldata.PersonErased;
import org.actionlearning.events.programme.ProgrammeClosed;
import org.actionlearning.events.programme.ProgrammeCostRecorded;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.actionlearning.service.security.Grant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.actionlearning.command.consistency.TransactionScopedLocks;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A programme launched by an organisation: owns its costs and its lifecycle. Sets and outcome metrics are
 * their own aggregates, but they are created through the programme so that "the programme exists and is not
 * closed" is checked against its consistent state rather than a lookup table.
 */
@Aggregate(lockFactory = TransactionScopedLocks.BEAN)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE)
public class Programme {

    @AggregateIdentifier
    private UUID programmeId;
    private LocalDate startsOn;
    private boolean closed;

    protected Programme() {
        // for Axon
    }

    @CommandHandler
    public Programme(LaunchProgramme command) {
        try {
            Currency.getInstance(command.currency());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidCommandValue("currency", "must be an ISO 4217 currency code, was " + command.currency());
        }
        requireOrganisationName(command.organisation());
        apply(new ProgrammeLaunched(command.programmeId(), command.organisation(), command.name(), command.sponsor(),
                command.startsOn(), command.currency()));
    }

    @CommandHandler
    public void handle(RecordProgrammeCost command) {
        Rules.notNegative("amount", command.amount());
        apply(new ProgrammeCostRecorded(programmeId, command.costId(), command.category(), command.amount(),
                command.incurredOn(), command.note()));
    }

    @CommandHandler
    public void handle(CloseProgramme command) {
        Rules.require(!closed, null, "programme " + programmeId + " is already closed");
        Rules.notBefore("closedOn", command.closedOn(), startsOn, "the programme's start");
        apply(new ProgrammeClosed(programmeId, command.closedOn()));
    }

    /**
     * Erasure goes through the programme so that its event has an aggregate, a sequence and the programme's Kafka
     * key, and reaches each reader after everything the programme recorded about the person. Closed programmes
     * too: the right to erasure does not end with the programme.
     */
    @CommandHandler
    public void handle(ErasePersonalData command) {
        apply(new PersonErased(programmeId, command.personId(), command.erasedOn()));
    }

    @CommandHandler
    public void handle(FormSet command) throws Exception {
        Rules.require(!closed, "programmeId", "programme " + programmeId + " is closed: no new sets");
        createNew(LearningSet.class, () -> new LearningSet(command));
    }

    @CommandHandler
    public void handle(DefineOutcomeMetric command) throws Exception {
        Rules.require(!closed, "programmeId", "programme " + programmeId + " is closed: no new metrics");
        createNew(OutcomeMetric.class, () -> new OutcomeMetric(command));
    }

    @EventSourcingHandler
    void on(ProgrammeLaunched event) {
        programmeId = event.programmeId();
        startsOn = event.startsOn();
    }

    @EventSourcingHandler
    void on(ProgrammeClosed event) {
        closed = true;
    }

    /**
     * An organisation's name is the scope of its administrators' grants: "*" is the platform operators' scope, and a
     * name with invisible characters or spaces around it looks like another organisation's on every page.
     */
    static void requireOrganisationName(String organisation) {
        if (Grant.EVERYWHERE.equals(organisation)) {
            throw new InvalidCommandValue("organisation", "'*' is reserved for the platform's operators");
        }
        boolean invisible = organisation.codePoints().anyMatch(c -> c != ' ' && (Character.isWhitespace(c)
                || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.CONTROL));
        if (invisible || !organisation.strip().equals(organisation)) {
            throw new InvalidCommandValue("organisation", "must have no spaces around it and no invisible or "
                    + "special space characters");
        }
    }
}
