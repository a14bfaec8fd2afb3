package org.actionlearning.query.projection;

import org.actionlearning.projection.Projection;
import org.actionlearning.projection.ProjectionDb;
import org.actionlearning.projection.ProjectionHandlers;
import org.actionlearning.projection.ReadModelWrites;
import static org.actionlearning.query.jooq.Tables.ATTRIBUTION_ESTIMATE;
import static org.actionlearning.query.jooq.Tables.OUTCOME_METRIC;
import static org.actionlearning.query.jooq.Tables.OUTCOME_PHASE;
import static org.actionlearning.query.jooq.Tables.OUTCOME_POINT;
import static org.actionlearning.query.jooq.Tables.OUTCOME_POINT_VERSION;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.actionlearning.events.envelope.EventEnvelope;
import java.util.List;
import java.util.UUID;
import org.actionlearning.events.outcome.AttributionEstimated;
import org.actionlearning.events.outcome.BaselineRecorded;
import org.actionlearning.events.outcome.MeasurementRecorded;
import org.actionlearning.events.outcome.MetricRebased;
import org.actionlearning.events.outcome.OutcomeMetricDefined;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/** Outcome metrics, their baseline and follow-up series, and the attribution estimates for ROI. */
@Component
public class OutcomeProjection implements Projection {

    static final String BASELINE = "BASELINE";
    static final String FOLLOW_UP = "FOLLOW_UP";

    private final DSLContext db;
    private final ReadModelWrites writes;

    public OutcomeProjection(@ProjectionDb DSLContext db, ReadModelWrites writes) {
        this.db = db;
        this.writes = writes;
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(OUTCOME_METRIC, OUTCOME_POINT, OUTCOME_POINT_VERSION, OUTCOME_PHASE, ATTRIBUTION_ESTIMATE);
    }

    @Override
    public void register(ProjectionHandlers handlers) {
        handlers.on(OutcomeMetricDefined.class, (e, envelope) -> writes.add(OUTCOME_METRIC, e.metricId(),
                db.insertInto(OUTCOME_METRIC)
                        .set(OUTCOME_METRIC.METRIC_ID, e.metricId())
                        .set(OUTCOME_METRIC.PROGRAMME_ID, e.programmeId())
                        .set(OUTCOME_METRIC.CHALLENGE_ID, e.challengeId())
                        .set(OUTCOME_METRIC.NAME, e.name())
                        .set(OUTCOME_METRIC.UNIT, e.unit())
                        .set(OUTCOME_METRIC.DIRECTION, e.direction().name())
                        .set(OUTCOME_METRIC.PERIOD, e.period().name())
                        .set(OUTCOME_METRIC.VALUE_PER_UNIT, e.valuePerUnit())
                        .set(OUTCOME_METRIC.TARGET_CHANGE_PERCENT, e.target() == null ? null : e.target().changePercent())
                        .set(OUTCOME_METRIC.TARGET_WITHIN_DAYS, e.target() == null ? null : e.target().withinDays())
                        .onConflict(OUTCOME_METRIC.METRIC_ID).doNothing()))
                .on(BaselineRecorded.class, (e, envelope) -> point(e.metricId(), BASELINE, e.measuredOn(), e.value(),
                        envelope))
                .on(MeasurementRecorded.class,
                        (e, envelope) -> point(e.metricId(), FOLLOW_UP, e.measuredOn(), e.value(), envelope))
                .on(MetricRebased.class, (e, envelope) -> writes.add(OUTCOME_PHASE, List.of(e.metricId(), e.startsOn()),
                        db.insertInto(OUTCOME_PHASE)
                                .set(OUTCOME_PHASE.METRIC_ID, e.metricId())
                                .set(OUTCOME_PHASE.STARTS_ON, e.startsOn())
                                .onConflictDoNothing()))
                .on(AttributionEstimated.class, (e, envelope) -> writes.add(ATTRIBUTION_ESTIMATE, e.estimateId(),
                        db.insertInto(ATTRIBUTION_ESTIMATE)
                        .set(ATTRIBUTION_ESTIMATE.ESTIMATE_ID, e.estimateId())
                        .set(ATTRIBUTION_ESTIMATE.METRIC_ID, e.metricId())
                        .set(ATTRIBUTION_ESTIMATE.PROGRAMME_ID, e.programmeId())
                        .set(ATTRIBUTION_ESTIMATE.ATTRIBUTION_PERCENT, e.attributionPercent())
                        .set(ATTRIBUTION_ESTIMATE.CONFIDENCE_PERCENT, e.confidencePercent())
                        .set(ATTRIBUTION_ESTIMATE.ESTIMATED_BY, e.estimatedBy())
                        .set(ATTRIBUTION_ESTIMATE.RECORDED_AT, SetProjection.recordedAt(envelope))
                        .set(ATTRIBUTION_ESTIMATE.ESTIMATED_ON, e.estimatedOn() != null ? e.estimatedOn()
                                : envelope.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate())
                        .onConflict(ATTRIBUTION_ESTIMATE.ESTIMATE_ID).doNothing()));
    }

    /** The point's latest value for today's views, and this value beside the earlier ones for past views. */
    private void point(UUID metricId, String series, LocalDate measuredOn, BigDecimal value, EventEnvelope envelope) {
        writes.add(OUTCOME_POINT_VERSION, List.of(metricId, series, measuredOn, envelope.occurredAt()),
                db.insertInto(OUTCOME_POINT_VERSION)
                .set(OUTCOME_POINT_VERSION.METRIC_ID, metricId)
                .set(OUTCOME_POINT_VERSION.SERIES, series)
                .set(OUTCOME_POINT_VERSION.MEASURED_ON, measuredOn)
                .set(OUTCOME_POINT_VERSION.RECORDED_AT, SetProjection.recordedAt(envelope))
                .set(OUTCOME_POINT_VERSION.VALUE, value)
                .onConflictDoNothing());
        writes.add(OUTCOME_POINT, List.of(metricId, series, measuredOn), db.insertInto(OUTCOME_POINT)
                .set(OUTCOME_POINT.METRIC_ID, metricId)
                .set(OUTCOME_POINT.SERIES, series)
                .set(OUTCOME_POINT.MEASURED_ON, measuredOn)
                .set(OUTCOME_POINT.VALUE, value)
                .onConflict(OUTCOME_POINT.METRIC_ID, OUTCOME_POINT.SERIES, OUTCOME_POINT.MEASURED_ON).doUpdate()
                .set(OUTCOME_POINT.VALUE, value));
    }
}
