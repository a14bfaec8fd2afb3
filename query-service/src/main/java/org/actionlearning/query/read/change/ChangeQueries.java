package org.actionlearning.query.read.change;

import static org.actionlearning.query.jooq.Tables.ACTION_ITEM;
import static org.actionlearning.query.jooq.Tables.ATTRIBUTION_ESTIMATE;
import static org.actionlearning.query.jooq.Tables.CHALLENGE;
import static org.actionlearning.query.jooq.Tables.CONTRIBUTION;
import static org.actionlearning.query.jooq.Tables.MEETING;
import static org.actionlearning.query.jooq.Tables.OUTCOME_METRIC;
import static org.actionlearning.query.jooq.Tables.OUTCOME_POINT_VERSION;
import static org.actionlearning.query.jooq.Tables.PROGRAMME_COST;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.actionlearning.query.read.PastView;
import org.actionlearning.query.read.RecordedBy;
import org.actionlearning.query.read.Recorders;
import org.actionlearning.query.read.ReportedMeetings;
import org.actionlearning.query.read.change.ProgrammeChanges.MovedFigure;
import org.actionlearning.query.read.change.ProgrammeChanges.RecordedEvent;
import org.actionlearning.query.read.outcome.MetricReader;
import org.actionlearning.query.read.programme.ProgrammeDashboard;
import org.actionlearning.query.read.programme.ProgrammeQueries;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Since the last report": the dashboard as recorded by two instants, compared figure by figure, and the records
 * stored in between, read from the recorded instants the read models keep, each with who recorded it
 * (docs/time-travel.md).
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class ChangeQueries {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private final ProgrammeQueries programmes;
    private final DSLContext db;
    private final Recorders recorders;

    ChangeQueries(ProgrammeQueries programmes, DSLContext db, Recorders recorders) {
        this.programmes = programmes;
        this.db = db;
        this.recorders = recorders;
    }

    /**
     * @param withNames whether each record's recorder is named (for an administrator of the organisation) or only
     *                  their role is given (for a sponsor)
     */
    public ProgrammeChanges between(UUID programmeId, LocalDate asOf, Instant from, Instant to, boolean withNames) {
        Map<String, JsonNode> before = leaves(programmes.dashboard(programmeId, new PastView(asOf, from)));
        Map<String, JsonNode> after = leaves(programmes.dashboard(programmeId, new PastView(asOf, to)));
        List<MovedFigure> moved = new ArrayList<>();
        List<String> paths = new ArrayList<>(before.keySet());
        after.keySet().stream().filter(path -> !before.containsKey(path)).forEach(paths::add);
        for (String path : paths) {
            JsonNode was = before.get(path);
            JsonNode is = after.get(path);
            if (!Objects.equals(was, is)) {
                moved.add(new MovedFigure(path, was, is));
            }
        }
        return new ProgrammeChanges(asOf, from, to, moved, recorded(programmeId, asOf, from, to, withNames));
    }

    /** The dashboard's figures by path: counts/meetingsHeld, roi/benefits, outcomes/{metricId}/latest. */
    private static Map<String, JsonNode> leaves(ProgrammeDashboard dashboard) {
        JsonNode tree = JSON.valueToTree(dashboard);
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        for (String section : List.of("counts", "followThrough", "participation", "roi")) {
            JsonNode node = tree.get(section);
            if (node != null && !node.isNull()) {
                node.fields().forEachRemaining(f -> leaves.put(section + "/" + f.getKey(), f.getValue()));
            } else {
                leaves.put(section, node);
            }
        }
        tree.get("outcomes").forEach(metric -> metric.fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode() && !f.getKey().equals("metricId")) {
                leaves.put("outcomes/" + metric.get("metricId").asText() + "/" + f.getKey(), f.getValue());
            }
        }));
        return leaves;
    }

    /** The records stored after {@code from} and by {@code to} that a figure of the dashboard counts. */
    private List<RecordedEvent> recorded(UUID programmeId, LocalDate asOf, Instant from, Instant to,
                                         boolean withNames) {
        List<RecordedEvent> events = new ArrayList<>();
        var m = MEETING;
        Condition countedMeeting = m.PROGRAMME_ID.eq(programmeId).and(ReportedMeetings.counted())
                .and(m.OPENED_ON.le(asOf));
        add(events, db.select(DSL.inline("MeetingOpened"), m.OPENED_ON, m.OPENED_AT).from(m)
                .where(countedMeeting).and(between(m.OPENED_AT, from, to)));
        var c = CONTRIBUTION;
        add(events, db.select(DSL.when(c.KIND.eq("QUESTION"), DSL.inline("QuestionAsked"))
                                .otherwise(DSL.inline("StatementMade")), m.OPENED_ON, c.RECORDED_AT)
                .from(c).join(m).on(m.MEETING_ID.eq(c.MEETING_ID))
                .where(countedMeeting).and(c.RETRACTED.eq(false)).and(between(c.RECORDED_AT, from, to)));
        var ch = CHALLENGE;
        add(events, db.select(DSL.inline("ChallengePresented"), m.OPENED_ON, ch.RECORDED_AT)
                .from(ch).join(m).on(m.MEETING_ID.eq(ch.MEETING_ID))
                .where(countedMeeting).and(between(ch.RECORDED_AT, from, to)));
        var a = ACTION_ITEM;
        for (var kind : List.of(List.of("ActionCommitted", a.COMMITTED_ON, a.COMMITTED_AT),
                List.of("ActionCompleted", a.COMPLETED_ON, a.COMPLETED_AT),
                List.of("ActionAbandoned", a.ABANDONED_ON, a.ABANDONED_AT))) {
            @SuppressWarnings("unchecked") Field<LocalDate> on = (Field<LocalDate>) kind.get(1);
            @SuppressWarnings("unchecked") Field<OffsetDateTime> at = (Field<OffsetDateTime>) kind.get(2);
            add(events, db.select(DSL.inline((String) kind.get(0)), on, at)
                    .from(a).join(m).on(m.MEETING_ID.eq(a.MEETING_ID))
                    .where(countedMeeting).and(on.le(asOf)).and(between(at, from, to)));
        }
        var cost = PROGRAMME_COST;
        add(events, db.select(DSL.inline("ProgrammeCostRecorded"), cost.INCURRED_ON, cost.RECORDED_AT).from(cost)
                .where(cost.PROGRAMME_ID.eq(programmeId)).and(cost.INCURRED_ON.le(asOf))
                .and(between(cost.RECORDED_AT, from, to)));
        var v = OUTCOME_POINT_VERSION;
        var metrics = DSL.select(OUTCOME_METRIC.METRIC_ID).from(OUTCOME_METRIC)
                .where(OUTCOME_METRIC.PROGRAMME_ID.eq(programmeId));
        add(events, db.select(DSL.when(v.SERIES.eq(MetricReader.BASELINE), DSL.inline("BaselineRecorded"))
                                .otherwise(DSL.inline("MeasurementRecorded")), v.MEASURED_ON, v.RECORDED_AT)
                .from(v).where(v.METRIC_ID.in(metrics)).and(v.MEASURED_ON.le(asOf))
                .and(between(v.RECORDED_AT, from, to)));
        var e = ATTRIBUTION_ESTIMATE;
        add(events, db.select(DSL.inline("AttributionEstimated"), e.ESTIMATED_ON, e.RECORDED_AT).from(e)
                .where(e.PROGRAMME_ID.eq(programmeId)).and(e.ESTIMATED_ON.le(asOf))
                .and(between(e.RECORDED_AT, from, to)));
        Recorders.Found by = recorders.at(programmeId, events.stream().map(RecordedEvent::recordedAt).toList(),
                withNames);
        events.replaceAll(event -> new RecordedEvent(event.type(), event.businessDate(), event.recordedAt(),
                by.of(event.type(), event.recordedAt())));
        events.sort(Comparator.comparing(RecordedEvent::recordedAt).thenComparing(RecordedEvent::type));
        return events;
    }

    private static Condition between(Field<OffsetDateTime> at, Instant from, Instant to) {
        return at.gt(from.atOffset(ZoneOffset.UTC)).and(at.le(to.atOffset(ZoneOffset.UTC)));
    }

    private static void add(List<RecordedEvent> events,
                            SelectConditionStep<Record3<String, LocalDate, OffsetDateTime>> select) {
        select.fetch().forEach(row -> events.add(new RecordedEvent(row.value1(), row.value2(),
                row.value3().toInstant(), RecordedBy.UNKNOWN)));
    }
}
