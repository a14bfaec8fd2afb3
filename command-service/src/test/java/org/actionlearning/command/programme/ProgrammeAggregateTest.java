package org.actionlearning.command.programme;

import static org.actionlearning.command.support.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.command.domain.DomainRuleViolation;
import org.actionlearning.command.domain.InvalidCommandValue;
import org.actionlearning.command.learningset.SetCommands.FormSet;
import org.actionlearning.command.outcome.OutcomeCommands.DefineOutcomeMetric;
import org.actionlearning.command.programme.ProgrammeCommands.CloseProgramme;
import org.actionlearning.command.programme.ProgrammeCommands.ErasePersonalData;
import org.actionlearning.command.programme.ProgrammeCommands.LaunchProgramme;
import org.actionlearning.command.programme.ProgrammeCommands.RecordProgrammeCost;
import org.actionlearning.command.support.CreatedAggregates;
import org.actionlearning.events.learningset.SetFormed;
import org.actionlearning.events.outcome.Direction;
import org.actionlearning.events.outcome.OutcomeMetricDefined;
import org.actionlearning.events.outcome.OutcomeTarget;
import org.actionlearning.events.outcome.Period;
import org.actionlearning.events.personaldata.PersonErased;
import org.actionlearning.events.programme.CostCategory;
import org.actionlearning.events.programme.ProgrammeClosed;
import org.actionlearning.events.programme.ProgrammeCostRecorded;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The programme aggregate: launch, costs, closing, and the creation of sets and metrics through the programme.
 * <p>
 * Sets and metrics are created with {@code AggregateLifecycle.createNew}; they are stored apart from the fixture's
 * own events, in {@link CreatedAggregates}, and read back from there.
 */
class ProgrammeAggregateTest {

    private static final UUID PROGRAMME = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID SET = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID FACILITATOR = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID METRIC = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    private static final UUID CHALLENGE = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final UUID COST = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final LocalDate STARTS_ON = LocalDate.of(2025, 1, 6);

    private AggregateTestFixture<Programme> fixture;
    private CreatedAggregates createdAggregates;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class);
        createdAggregates = CreatedAggregates.on(fixture);
    }

    @AfterEach
    void tearDown() {
        createdAggregates.shutDown();
    }

    private static ProgrammeLaunched launched() {
        return new ProgrammeLaunched(PROGRAMME, "St Elsewhere NHS Trust", "Discharge flow", "Dr Sponsor", STARTS_ON,
                "GBP");
    }

    private static ProgrammeClosed closedOn(LocalDate date) {
        return new ProgrammeClosed(PROGRAMME, date);
    }

    private static FormSet formSet() {
        return new FormSet(PROGRAMME, SET, "Ward 7 set", FACILITATOR, "Fran Facilitator");
    }

    private static DefineOutcomeMetric defineMetric() {
        return new DefineOutcomeMetric(PROGRAMME, METRIC, CHALLENGE, "Discharge delays", "delayed discharges",
                Direction.DECREASE, Period.WEEK, new BigDecimal("350.00"),
                new OutcomeTarget(new BigDecimal("15"), 90));
    }

    // --- launch ---------------------------------------------------------------------------------------------------

    @Test
    void launchingAProgrammeRecordsOrganisationSponsorStartAndCurrency() {
        fixture.givenNoPriorActivity()
                .when(new LaunchProgramme(PROGRAMME, "St Elsewhere NHS Trust", "Discharge flow", "Dr Sponsor",
                        STARTS_ON, "GBP"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(launched());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"EURO", "gbp", "£", "G B"})
    void theCurrencyMustBeAnIso4217Code(String currency) {
        fixture.givenNoPriorActivity()
                .when(new LaunchProgramme(PROGRAMME, "Org", "Name", "Sponsor", STARTS_ON, currency))
                .expectNoEvents()
                .expectException(rejected(InvalidCommandValue.class, "currency", "must be an ISO 4217 currency code"));
    }

    // --- erasure -------------------------------------------------------------------------------------------------

    @Test
    void erasingPersonalDataTellsTheProgrammesReaders() {
        fixture.given(launched())
                .when(new ErasePersonalData(PROGRAMME, FACILITATOR, LocalDate.of(2025, 9, 1)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PersonErased(PROGRAMME, FACILITATOR, LocalDate.of(2025, 9, 1)));
    }

    @Test
    void aClosedProgrammeStillErasesPersonalData() {
        fixture.given(launched(), closedOn(STARTS_ON.plusMonths(6)))
                .when(new ErasePersonalData(PROGRAMME, FACILITATOR, STARTS_ON.plusYears(1)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PersonErased(PROGRAMME, FACILITATOR, STARTS_ON.plusYears(1)));
    }

    // --- costs ----------------------------------------------------------------------------------------------------

    @Test
    void recordingACostAddsAFullyLoadedCostLine() {
        fixture.given(launched())
                .when(new RecordProgrammeCost(PROGRAMME, COST, CostCategory.FACILITATION, new BigDecimal("1200.50"),
                        LocalDate.of(2025, 2, 1), "external facilitator, 4 sessions"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProgrammeCostRecorded(PROGRAMME, COST, CostCategory.FACILITATION,
                        new BigDecimal("1200.50"), LocalDate.of(2025, 2, 1), "external facilitator, 4 sessions"));
    }

    @Test
    void aCostAmountMustNotBeNegative() {
        fixture.given(launched())
                .when(new RecordProgrammeCost(PROGRAMME, COST, CostCategory.VENUE, new BigDecimal("-0.01"),
                        LocalDate.of(2025, 2, 1), null))
                .expectNoEvents()
                .expectException(rejected(InvalidCommandValue.class, "amount", "must not be negative, was -0.01"));
    }

    // --- closing --------------------------------------------------------------------------------------------------

    @Test
    void closingTheProgrammeRecordsTheClosingDate() {
        fixture.given(launched())
                .when(new CloseProgramme(PROGRAMME, LocalDate.of(2025, 12, 19)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(closedOn(LocalDate.of(2025, 12, 19)));
    }

    @Test
    void aProgrammeMayCloseOnItsStartDate() {
        fixture.given(launched())
                .when(new CloseProgramme(PROGRAMME, STARTS_ON))
                .expectEvents(closedOn(STARTS_ON));
    }

    @Test
    void aProgrammeClosesOnlyOnce() {
        fixture.given(launched(), closedOn(LocalDate.of(2025, 12, 19)))
                .when(new CloseProgramme(PROGRAMME, LocalDate.of(2025, 12, 20)))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, null, "is already closed"));
    }

    @Test
    void aProgrammeDoesNotCloseBeforeItStarts() {
        fixture.given(launched())
                .when(new CloseProgramme(PROGRAMME, STARTS_ON.minusDays(1)))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "closedOn",
                        "must not be before the programme's start (2025-01-06), was 2025-01-05"));
    }

    // --- sets and metrics, created through the programme ----------------------------------------------------------

    @Test
    void formingASetCreatesTheLearningSetAggregate() {
        fixture.given(launched())
                .when(formSet())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents(); // the programme itself does not change

        assertThat(createdAggregates.eventsOf(SET)).singleElement().satisfies(message -> {
            assertThat(message.getType()).isEqualTo("LearningSet");
            assertThat(message.getSequenceNumber()).isZero();
            assertThat(message.getPayload())
                    .isEqualTo(new SetFormed(SET, PROGRAMME, "Ward 7 set", FACILITATOR, "Fran Facilitator"));
        });
    }

    @Test
    void noSetIsFormedInAClosedProgramme() {
        fixture.given(launched(), closedOn(LocalDate.of(2025, 12, 19)))
                .when(formSet())
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "programmeId", "is closed: no new sets"));

        assertThat(createdAggregates.eventsOf(SET)).isEmpty();
    }

    @Test
    void definingAMetricCreatesTheOutcomeMetricAggregate() {
        fixture.given(launched())
                .when(defineMetric())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();

        assertThat(createdAggregates.eventsOf(METRIC)).singleElement().satisfies(message -> {
            assertThat(message.getType()).isEqualTo("OutcomeMetric");
            assertThat(message.getSequenceNumber()).isZero();
            assertThat(message.getPayload()).isEqualTo(new OutcomeMetricDefined(METRIC, PROGRAMME, CHALLENGE,
                    "Discharge delays", "delayed discharges", Direction.DECREASE, Period.WEEK,
                    new BigDecimal("350.00"), new OutcomeTarget(new BigDecimal("15"), 90)));
        });
    }

    @Test
    void noMetricIsDefinedInAClosedProgramme() {
        fixture.given(launched(), closedOn(LocalDate.of(2025, 12, 19)))
                .when(defineMetric())
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "programmeId", "is closed: no new metrics"));

        assertThat(createdAggregates.eventsOf(METRIC)).isEmpty();
    }
}
