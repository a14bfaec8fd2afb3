package org.actionlearning.command.action;

import static org.actionlearning.command.support.Rejections.rejected;

import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.command.action.ActionCommands.AbandonAction;
import org.actionlearning.command.action.ActionCommands.CompleteAction;
import org.actionlearning.command.action.ActionCommands.ReportActionProgress;
import org.actionlearning.command.action.ActionCommands.RescheduleAction;
import org.actionlearning.command.domain.DomainRuleViolation;
import org.actionlearning.command.domain.InvalidCommandValue;
import org.actionlearning.events.action.ActionAbandoned;
import org.actionlearning.events.action.ActionCommitted;
import org.actionlearning.events.action.ActionCompleted;
import org.actionlearning.events.action.ActionProgressReported;
import org.actionlearning.events.action.ActionRescheduled;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The action aggregate: created by the learning set (see {@code LearningSetAggregateTest}), here it starts from
 * {@link ActionCommitted} and is followed up: progress, completion or abandonment (once, never both), rescheduling.
 */
class ActionAggregateTest {

    private static final UUID ACTION = UUID.fromString("00000000-0000-0000-0000-0000000000a9");
    private static final UUID PROGRAMME = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID SET = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID MEETING = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID CHALLENGE = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    private static final UUID OWNER = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final LocalDate COMMITTED_ON = LocalDate.of(2025, 3, 3);
    private static final LocalDate DUE_ON = LocalDate.of(2025, 3, 31);

    private AggregateTestFixture<Action> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Action.class);
    }

    private static ActionCommitted committed() {
        return new ActionCommitted(ACTION, PROGRAMME, SET, MEETING, CHALLENGE, OWNER,
                "Map the discharge checklist with the pharmacy lead", COMMITTED_ON, DUE_ON);
    }

    private static ActionCompleted completedOn(LocalDate date) {
        return new ActionCompleted(ACTION, PROGRAMME, SET, date, "checklist agreed and in use");
    }

    private static ActionAbandoned abandonedOn(LocalDate date) {
        return new ActionAbandoned(ACTION, PROGRAMME, SET, date, "pharmacy restructured");
    }

    // --- progress -------------------------------------------------------------------------------------------------

    @Test
    void reportingProgressRecordsThePercentComplete() {
        fixture.given(committed())
                .when(new ReportActionProgress(ACTION, LocalDate.of(2025, 3, 17), 40, "draft checklist shared"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ActionProgressReported(ACTION, PROGRAMME, SET, LocalDate.of(2025, 3, 17), 40,
                        "draft checklist shared"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100})
    void percentCompleteMayBeZeroOrAHundredAndReportedOnTheCommitmentDate(int percent) {
        fixture.given(committed())
                .when(new ReportActionProgress(ACTION, COMMITTED_ON, percent, null))
                .expectEvents(new ActionProgressReported(ACTION, PROGRAMME, SET, COMMITTED_ON, percent, null));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 101})
    void percentCompleteMustBeBetweenZeroAndAHundred(int percent) {
        fixture.given(committed())
                .when(new ReportActionProgress(ACTION, LocalDate.of(2025, 3, 17), percent, null))
                .expectNoEvents()
                .expectException(rejected(InvalidCommandValue.class, "percentComplete",
                        "must be between 0 and 100, was " + percent));
    }

    @Test
    void progressIsNotReportedBeforeTheCommitmentDate() {
        fixture.given(committed())
                .when(new ReportActionProgress(ACTION, COMMITTED_ON.minusDays(1), 10, null))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "reportedOn",
                        "must not be before the commitment date (2025-03-03), was 2025-03-02"));
    }

    @Test
    void noProgressIsReportedAfterCompletion() {
        fixture.given(committed(), completedOn(LocalDate.of(2025, 3, 20)))
                .when(new ReportActionProgress(ACTION, LocalDate.of(2025, 3, 21), 100, null))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, null, "is already completed"));
    }

    @Test
    void noProgressIsReportedAfterAbandonment() {
        fixture.given(committed(), abandonedOn(LocalDate.of(2025, 3, 20)))
                .when(new ReportActionProgress(ACTION, LocalDate.of(2025, 3, 21), 50, null))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, null, "is already abandoned"));
    }

    // --- completion -----------------------------------------------------------------------------------------------

    @Test
    void completingAnActionRecordsDateAndEvidence() {
        fixture.given(committed())
                .when(new CompleteAction(ACTION, LocalDate.of(2025, 3, 20), "checklist agreed and in use"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(completedOn(LocalDate.of(2025, 3, 20)));
    }

    @Test
    void aLateCompletionAfterTheDueDateIsStillACompletion() {
        fixture.given(committed(), new ActionProgressReported(ACTION, PROGRAMME, SET, LocalDate.of(2025, 3, 17), 40,
                        null))
                .when(new CompleteAction(ACTION, DUE_ON.plusDays(10), "checklist agreed and in use"))
                .expectEvents(completedOn(DUE_ON.plusDays(10)));
    }

    @Test
    void completionIsNotBeforeTheCommitmentDate() {
        fixture.given(committed())
                .when(new CompleteAction(ACTION, COMMITTED_ON.minusDays(1), "evidence"))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "completedOn",
                        "must not be before the commitment date (2025-03-03)"));
    }

    @Test
    void anActionIsCompletedOnlyOnce() {
        fixture.given(committed(), completedOn(LocalDate.of(2025, 3, 20)))
                .when(new CompleteAction(ACTION, LocalDate.of(2025, 3, 21), "again"))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, null, "is already completed"));
    }

    @Test
    void anAbandonedActionIsNotCompleted() {
        fixture.given(committed(), abandonedOn(LocalDate.of(2025, 3, 20)))
                .when(new CompleteAction(ACTION, LocalDate.of(2025, 3, 21), "done after all"))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, null, "is already abandoned"));
    }

    // --- abandonment ----------------------------------------------------------------------------------------------

    @Test
    void abandoningAnActionRecordsDateAndReason() {
        fixture.given(committed())
                .when(new AbandonAction(ACTION, LocalDate.of(2025, 3, 20), "pharmacy restructured"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(abandonedOn(LocalDate.of(2025, 3, 20)));
    }

    @Test
    void abandonmentIsNotBeforeTheCommitmentDate() {
        fixture.given(committed())
                .when(new AbandonAction(ACTION, COMMITTED_ON.minusDays(1), "never mind"))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "abandonedOn",
                        "must not be before the commitment date (2025-03-03)"));
    }

    @Test
    void aCompletedActionIsNotAbandoned() {
        fixture.given(committed(), completedOn(LocalDate.of(2025, 3, 20)))
                .when(new AbandonAction(ACTION, LocalDate.of(2025, 3, 21), "changed my mind"))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, null, "is already completed"));
    }

    @Test
    void anActionIsAbandonedOnlyOnce() {
        fixture.given(committed(), abandonedOn(LocalDate.of(2025, 3, 20)))
                .when(new AbandonAction(ACTION, LocalDate.of(2025, 3, 21), "again"))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, null, "is already abandoned"));
    }

    // --- rescheduling ---------------------------------------------------------------------------------------------

    @Test
    void reschedulingRecordsThePreviousAndTheNewDueDate() {
        fixture.given(committed())
                .when(new RescheduleAction(ACTION, LocalDate.of(2025, 4, 30), "waiting for pharmacy lead"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ActionRescheduled(ACTION, PROGRAMME, SET, DUE_ON, LocalDate.of(2025, 4, 30),
                        "waiting for pharmacy lead"));
    }

    @Test
    void aSecondRescheduleStartsFromTheRescheduledDate() {
        fixture.given(committed(), new ActionRescheduled(ACTION, PROGRAMME, SET, DUE_ON, LocalDate.of(2025, 4, 30),
                        null))
                .when(new RescheduleAction(ACTION, LocalDate.of(2025, 5, 31), null))
                .expectEvents(new ActionRescheduled(ACTION, PROGRAMME, SET, LocalDate.of(2025, 4, 30),
                        LocalDate.of(2025, 5, 31), null));
    }

    @Test
    void theNewDueDateIsNotBeforeTheCommitmentDate() {
        fixture.given(committed())
                .when(new RescheduleAction(ACTION, COMMITTED_ON.minusDays(1), null))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "dueOn",
                        "must not be before the commitment date (2025-03-03)"));
    }

    @Test
    void anAbandonedActionIsNotRescheduled() {
        fixture.given(committed(), abandonedOn(LocalDate.of(2025, 3, 20)))
                .when(new RescheduleAction(ACTION, LocalDate.of(2025, 4, 30), null))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, null, "is already abandoned"));
    }

    @Test
    void aCompletedActionIsNotRescheduled() {
        fixture.given(committed(), completedOn(LocalDate.of(2025, 3, 20)))
                .when(new RescheduleAction(ACTION, LocalDate.of(2025, 4, 30), null))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, null, "is already completed"));
    }
}
