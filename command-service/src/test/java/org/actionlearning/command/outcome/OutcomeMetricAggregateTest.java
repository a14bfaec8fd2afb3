package org.actionlearning.command.outcome;

import static org.actionlearning.command.support.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.actionlearning.command.domain.DomainRuleViolation;
import org.actionlearning.command.domain.InvalidCommandValue;
import org.actionlearning.command.outcome.OutcomeCommands.DefineOutcomeMetric;
import org.actionlearning.command.outcome.OutcomeCommands.EstimateAttribution;
import org.actionlearning.command.outcome.OutcomeCommands.RebaseMetric;
import org.actionlearning.command.outcome.OutcomeCommands.RecordBaseline;
import org.actionlearning.command.outcome.OutcomeCommands.RecordMeasurement;
import org.actionlearning.command.programme.Programme;
import org.actionlearning.command.support.CreatedAggregates;
import org.actionlearning.events.outcome.AttributionEstimated;
import org.actionlearning.events.outcome.BaselineRecorded;
import org.actionlearning.events.outcome.Direction;
import org.actionlearning.events.outcome.MeasurementRecorded;
import org.actionlearning.events.outcome.MetricRebased;
import org.actionlearning.events.outcome.OutcomeMetricDefined;
import org.actionlearning.events.outcome.OutcomeTarget;
import org.actionlearning.events.outcome.Period;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outcome metric aggregate: its baseline and follow-up series and the attribution estimates.
 * <p>
 * A metric is defined through its programme ({@code Programme} handles {@link DefineOutcomeMetric} and calls
 * {@code createNew}), so the definition rules are tested on a programme fixture whose created aggregates are kept
 * in {@link CreatedAggregates}.
 * Everything after the definition starts from {@link OutcomeMetricDefined} in {@code given}.
 */
class OutcomeMetricAggregateTest {

    private static final UUID METRIC = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    private static final UUID PROGRAMME = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID CHALLENGE = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final UUID ESTIMATE = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final UUID PARTICIPANT = UUID.fromString("00000000-0000-0000-0000-0000000000f2");
    private static final BigDecimal VALUE_PER_UNIT = new BigDecimal("350.00");
    private static final OutcomeTarget TARGET = new OutcomeTarget(new BigDecimal("15"), 90);
    private static final LocalDate FIRST_BASELINE = LocalDate.of(2025, 1, 6);
    private static final LocalDate LAST_BASELINE = LocalDate.of(2025, 1, 27);
    private static final LocalDate FIRST_FOLLOW_UP = LocalDate.of(2025, 3, 3);

    private AggregateTestFixture<OutcomeMetric> fixture;
    private AggregateTestFixture<Programme> programmeFixture;
    private CreatedAggregates createdAggregates;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OutcomeMetric.class);
        programmeFixture = new AggregateTestFixture<>(Programme.class);
        createdAggregates = CreatedAggregates.on(programmeFixture);
    }

    @AfterEach
    void tearDown() {
        createdAggregates.shutDown();
    }

    private static OutcomeMetricDefined defined() {
        return new OutcomeMetricDefined(METRIC, PROGRAMME, CHALLENGE, "Discharge delays", "delayed discharges",
                Direction.DECREASE, Period.WEEK, VALUE_PER_UNIT, TARGET);
    }

    private static BaselineRecorded baseline(LocalDate on, String value) {
        return new BaselineRecorded(METRIC, PROGRAMME, on, new BigDecimal(value));
    }

    private static MeasurementRecorded measurement(LocalDate on, String value) {
        return new MeasurementRecorded(METRIC, PROGRAMME, on, new BigDecimal(value));
    }

    /** A defined metric with two baseline points, the last on {@link #LAST_BASELINE}. */
    private static List<Object> withBaseline(Object... more) {
        List<Object> events = new ArrayList<>(List.of(defined(), baseline(FIRST_BASELINE, "42"),
                baseline(LAST_BASELINE, "40")));
        events.addAll(List.of(more));
        return events;
    }

    private static DefineOutcomeMetric define(BigDecimal valuePerUnit, OutcomeTarget target) {
        return new DefineOutcomeMetric(PROGRAMME, METRIC, CHALLENGE, "Discharge delays", "delayed discharges",
                Direction.DECREASE, Period.WEEK, valuePerUnit, target);
    }

    private static ProgrammeLaunched programmeLaunched() {
        return new ProgrammeLaunched(PROGRAMME, "St Elsewhere NHS Trust", "Discharge flow", "Dr Sponsor",
                LocalDate.of(2025, 1, 6), "GBP");
    }

    // --- definition (through the programme) -----------------------------------------------------------------------

    @Test
    void definingAMetricRecordsNameUnitDirectionPeriodValueAndTarget() {
        programmeFixture.given(programmeLaunched())
                .when(define(VALUE_PER_UNIT, TARGET))
                .expectSuccessfulHandlerExecution();

        assertThat(createdAggregates.payloadsOf(METRIC)).containsExactly(defined());
    }

    @Test
    void anIntangibleMetricNeedsNeitherAMoneyValueNorATarget() {
        programmeFixture.given(programmeLaunched())
                .when(new DefineOutcomeMetric(PROGRAMME, METRIC, null, "Engagement", "survey score",
                        Direction.INCREASE, Period.QUARTER, null, null))
                .expectSuccessfulHandlerExecution();

        assertThat(createdAggregates.payloadsOf(METRIC)).containsExactly(new OutcomeMetricDefined(METRIC, PROGRAMME, null, "Engagement",
                "survey score", Direction.INCREASE, Period.QUARTER, null, null));
    }

    @Test
    void theValuePerUnitMustNotBeNegative() {
        programmeFixture.given(programmeLaunched())
                .when(define(new BigDecimal("-1"), TARGET))
                .expectNoEvents()
                .expectException(rejected(InvalidCommandValue.class, "valuePerUnit", "must not be negative, was -1"));

        assertThat(createdAggregates.payloadsOf(METRIC)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-15"})
    void theTargetChangePercentMustBePositive(String changePercent) {
        programmeFixture.given(programmeLaunched())
                .when(define(VALUE_PER_UNIT, new OutcomeTarget(new BigDecimal(changePercent), 90)))
                .expectNoEvents()
                .expectException(rejected(InvalidCommandValue.class, "target.changePercent",
                        "must be greater than 0"));

        assertThat(createdAggregates.payloadsOf(METRIC)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -90})
    void theTargetWithinDaysMustBePositive(int withinDays) {
        programmeFixture.given(programmeLaunched())
                .when(define(VALUE_PER_UNIT, new OutcomeTarget(new BigDecimal("15"), withinDays)))
                .expectNoEvents()
                .expectException(rejected(InvalidCommandValue.class, "target.withinDays",
                        "must be greater than 0, was " + withinDays));

        assertThat(createdAggregates.payloadsOf(METRIC)).isEmpty();
    }

    // --- baseline -------------------------------------------------------------------------------------------------

    @Test
    void recordingTheFirstBaselinePoint() {
        fixture.given(defined())
                .when(new RecordBaseline(METRIC, FIRST_BASELINE, new BigDecimal("42")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(baseline(FIRST_BASELINE, "42"));
    }

    @Test
    void aBaselineHasSeveralPointsOnDifferentDates() {
        fixture.given(withBaseline())
                .when(new RecordBaseline(METRIC, LAST_BASELINE.plusWeeks(1), new BigDecimal("41")))
                .expectEvents(baseline(LAST_BASELINE.plusWeeks(1), "41"));
    }

    @Test
    void oneBaselinePointPerDate() {
        fixture.given(withBaseline())
                .when(new RecordBaseline(METRIC, FIRST_BASELINE, new BigDecimal("43")))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "measuredOn",
                        "a baseline point is already recorded for 2025-01-06"));
    }

    @Test
    void noBaselinePointOnTheDateOfAFollowUp() {
        fixture.given(withBaseline(measurement(FIRST_FOLLOW_UP, "36")))
                .when(new RecordBaseline(METRIC, FIRST_FOLLOW_UP, new BigDecimal("39")))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "measuredOn",
                        "baseline points precede the follow-ups (first follow-up 2025-03-03)"));
    }

    @Test
    void noBaselinePointAfterAFollowUp() {
        fixture.given(withBaseline(measurement(FIRST_FOLLOW_UP, "36")))
                .when(new RecordBaseline(METRIC, FIRST_FOLLOW_UP.plusWeeks(2), new BigDecimal("39")))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "measuredOn",
                        "baseline points precede the follow-ups"));
    }

    @Test
    void aLateBaselinePointDatedBeforeTheFirstFollowUpIsStillAccepted() {
        // The rule is about dates: every follow-up is dated after the last baseline point.
        fixture.given(withBaseline(measurement(FIRST_FOLLOW_UP, "36")))
                .when(new RecordBaseline(METRIC, LAST_BASELINE.plusWeeks(1), new BigDecimal("41")))
                .expectEvents(baseline(LAST_BASELINE.plusWeeks(1), "41"));
    }

    // --- follow-up measurements -----------------------------------------------------------------------------------

    @Test
    void recordingAFollowUpMeasurement() {
        fixture.given(withBaseline())
                .when(new RecordMeasurement(METRIC, FIRST_FOLLOW_UP, new BigDecimal("36")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(measurement(FIRST_FOLLOW_UP, "36"));
    }

    @Test
    void aFollowUpMayBeTheDayAfterTheLastBaselinePoint() {
        fixture.given(withBaseline())
                .when(new RecordMeasurement(METRIC, LAST_BASELINE.plusDays(1), new BigDecimal("39")))
                .expectEvents(measurement(LAST_BASELINE.plusDays(1), "39"));
    }

    @Test
    void noMeasurementBeforeAnyBaseline() {
        fixture.given(defined())
                .when(new RecordMeasurement(METRIC, FIRST_FOLLOW_UP, new BigDecimal("36")))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, null,
                        "record a baseline before follow-up measurements"));
    }

    @Test
    void noMeasurementOnTheLastBaselineDate() {
        fixture.given(withBaseline())
                .when(new RecordMeasurement(METRIC, LAST_BASELINE, new BigDecimal("36")))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "measuredOn",
                        "follow-ups come after the last baseline point (2025-01-27)"));
    }

    @Test
    void noMeasurementBeforeTheLastBaselineDate() {
        fixture.given(withBaseline())
                .when(new RecordMeasurement(METRIC, LAST_BASELINE.minusDays(3), new BigDecimal("36")))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "measuredOn",
                        "follow-ups come after the last baseline point (2025-01-27)"));
    }

    @Test
    void oneMeasurementPerDate() {
        fixture.given(withBaseline(measurement(FIRST_FOLLOW_UP, "36")))
                .when(new RecordMeasurement(METRIC, FIRST_FOLLOW_UP, new BigDecimal("35")))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "measuredOn",
                        "a measurement is already recorded for 2025-03-03"));
    }

    // --- attribution ----------------------------------------------------------------------------------------------

    @Test
    void estimatingAttributionRecordsBothPercentagesAndWhoEstimated() {
        fixture.given(withBaseline(measurement(FIRST_FOLLOW_UP, "36")))
                .when(new EstimateAttribution(METRIC, ESTIMATE, 60, 80, PARTICIPANT, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AttributionEstimated(METRIC, PROGRAMME, ESTIMATE, 60, 80, PARTICIPANT));
    }

    /** The estimate's business date, when given, travels with the event (a past view counts it from then). */
    @Test
    void anEstimateCarriesTheDateItWasMadeOn() {
        java.time.LocalDate madeOn = java.time.LocalDate.of(2025, 3, 20);
        fixture.given(withBaseline(measurement(FIRST_FOLLOW_UP, "36")))
                .when(new EstimateAttribution(METRIC, ESTIMATE, 60, 80, PARTICIPANT, madeOn))
                .expectEvents(new AttributionEstimated(METRIC, PROGRAMME, ESTIMATE, 60, 80, PARTICIPANT, madeOn));
    }

    /** One estimate per person: a second from the same person would count twice in the mean. */
    @Test
    void aPersonEstimatesOnceButAnotherPersonAndUnnamedEstimatesStillCount() {
        java.util.UUID other = java.util.UUID.randomUUID();
        java.util.UUID second = java.util.UUID.randomUUID();
        fixture.given(defined(), new AttributionEstimated(METRIC, PROGRAMME, ESTIMATE, 60, 80, PARTICIPANT),
                        new AttributionEstimated(METRIC, PROGRAMME, other, 50, 50, null))
                .when(new EstimateAttribution(METRIC, second, 70, 90, PARTICIPANT, null))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "estimatedBy",
                        PARTICIPANT + " has already given an estimate for this metric"));
        fixture.given(defined(), new AttributionEstimated(METRIC, PROGRAMME, ESTIMATE, 60, 80, PARTICIPANT))
                .when(new EstimateAttribution(METRIC, second, 70, 90, null, null))
                .expectEvents(new AttributionEstimated(METRIC, PROGRAMME, second, 70, 90, null));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100})
    void percentagesOfZeroAndAHundredAreAccepted(int percent) {
        fixture.given(defined())
                .when(new EstimateAttribution(METRIC, ESTIMATE, percent, percent, PARTICIPANT, null))
                .expectEvents(new AttributionEstimated(METRIC, PROGRAMME, ESTIMATE, percent, percent, PARTICIPANT));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 101})
    void theAttributionPercentIsBetweenZeroAndAHundred(int percent) {
        fixture.given(defined())
                .when(new EstimateAttribution(METRIC, ESTIMATE, percent, 80, PARTICIPANT, null))
                .expectNoEvents()
                .expectException(rejected(InvalidCommandValue.class, "attributionPercent",
                        "must be between 0 and 100, was " + percent));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 101})
    void theConfidencePercentIsBetweenZeroAndAHundred(int percent) {
        fixture.given(defined())
                .when(new EstimateAttribution(METRIC, ESTIMATE, 60, percent, PARTICIPANT, null))
                .expectNoEvents()
                .expectException(rejected(InvalidCommandValue.class, "confidencePercent",
                        "must be between 0 and 100, was " + percent));
    }

    @Test
    void aNewPhaseStartsAfterTheBaseline() {
        LocalDate startsOn = FIRST_FOLLOW_UP.plusDays(28);
        fixture.given(defined(), baseline(FIRST_BASELINE, "40"), baseline(LAST_BASELINE, "44"))
                .when(new RebaseMetric(METRIC, startsOn))
                .expectEvents(new MetricRebased(METRIC, PROGRAMME, startsOn));
    }

    @Test
    void aPhaseCannotStartWithinTheBaseline() {
        fixture.given(defined(), baseline(FIRST_BASELINE, "40"), baseline(LAST_BASELINE, "44"))
                .when(new RebaseMetric(METRIC, LAST_BASELINE))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "startsOn",
                        "a new phase starts after the last baseline point (" + LAST_BASELINE + ")"));
    }

    @Test
    void oneNewPhasePerDate() {
        LocalDate startsOn = FIRST_FOLLOW_UP.plusDays(28);
        fixture.given(defined(), baseline(LAST_BASELINE, "44"), new MetricRebased(METRIC, PROGRAMME, startsOn))
                .when(new RebaseMetric(METRIC, startsOn))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "startsOn", "a phase already starts on " + startsOn));
    }
}
