package org.actionlearning.query.read.change;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.actionlearning.query.read.RecordedBy;

/**
 * What changed in a programme's dashboard between two recorded instants, for one as-of date: each figure that moved,
 * from what to what, and the records stored in between that moved them.
 *
 * @param figures the figures whose value differs, by their path in the dashboard (an outcome by its metric id)
 * @param events  what was recorded after {@code from} and by {@code to}, oldest first; only what the dashboard's
 *                figures count (nothing of a meeting of fewer than three attendees)
 */
public record ProgrammeChanges(LocalDate asOf, Instant from, Instant to, List<MovedFigure> figures,
                               List<RecordedEvent> events) {

    public record MovedFigure(String figure, JsonNode from, JsonNode to) {
    }

    /**
     * @param type         the event's type, e.g. MeetingOpened, ActionCompleted, MeasurementRecorded
     * @param businessDate the date it is about (held, completed, measured, incurred, estimated on)
     * @param recordedAt   when it was stored
     * @param recordedBy   by whom: the role, and the username for those who may see names
     */
    public record RecordedEvent(String type, LocalDate businessDate, Instant recordedAt, RecordedBy recordedBy) {
    }
}
