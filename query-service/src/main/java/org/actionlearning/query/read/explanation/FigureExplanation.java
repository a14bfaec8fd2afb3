package org.actionlearning.query.read.explanation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The records a dashboard figure was computed from, as a sponsor may see them: each record's type and dates, never
 * a name, a text or a person's id, and nothing of a meeting of fewer than three attendees.
 *
 * @param count   how many records: the figure itself
 * @param records oldest business date first
 */
public record FigureExplanation(UUID programmeId, String figure, LocalDate asOf, Instant recordedBy, int count,
                                List<Source> records) {

    /**
     * @param type         e.g. MeetingOpened, QuestionAsked, ActionCompleted
     * @param businessDate the date it is about (held, committed, completed, abandoned on)
     * @param recordedAt   when it was stored; null if stored before instants were kept
     * @param dueOn        an overdue action's due date; absent otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String type, LocalDate businessDate, Instant recordedAt, LocalDate dueOn) {
    }
}
