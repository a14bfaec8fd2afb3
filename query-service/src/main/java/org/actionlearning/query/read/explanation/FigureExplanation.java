package org.actionlearning.query.read.explanation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.actionlearning.query.read.MinimumGroup;
import org.actionlearning.query.read.RecordedBy;

/**
 * The records a figure was computed from. For the programme's readers (a dashboard or ROI figure): each record's
 * type, dates and amount, never a name, a text or a person's id, and nothing of a meeting of fewer than three
 * attendees; who recorded it by role only for a sponsor, by username too for an administrator of the
 * organisation; to a sponsor, no attribution estimate of a metric with fewer than three and none's recorded instant.
 * For the set's own people (a fairness figure, {@code setId} given): also who each record is about.
 *
 * @param setId    the set, for a fairness figure; absent otherwise
 * @param count    how many records: the figure itself for a count, the inputs of a sum (costs, benefits) shown
 * @param records  oldest business date first
 * @param withheld what the fewer-than-three rule left out (a metric's estimates, to a sponsor); absent if nothing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FigureExplanation(UUID programmeId, UUID setId, String figure, LocalDate asOf, Instant recordedBy,
                                int count, List<Source> records, List<MinimumGroup.Withheld> withheld) {

    /**
     * @param type         e.g. MeetingOpened, QuestionAsked, ActionCompleted
     * @param businessDate the date it is about (held, committed, completed, abandoned on)
     * @param recordedAt   when it was stored; null if stored before instants were kept, and for a sponsor's
     *                     attribution estimate
     * @param dueOn        an overdue action's due date; absent otherwise
     * @param value        a cost's amount, a point's value, an estimate's attribution × confidence (0..1)
     * @param about        a cost's category, a point's or an estimate's metric id
     * @param person       for the set's own people: the name of whom the record is about (absent once erased)
     * @param erased       for the set's own people: that person was erased
     * @param recordedBy   by whom it was recorded: the role; the username too for an administrator of the
     *                     organisation and for the set's own people
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String type, LocalDate businessDate, Instant recordedAt, LocalDate dueOn, Double value,
                         String about, String person, Boolean erased, RecordedBy recordedBy) {

        Source(String type, LocalDate businessDate, Instant recordedAt, LocalDate dueOn) {
            this(type, businessDate, recordedAt, dueOn, null, null, null, null, null);
        }

        Source recordedBy(RecordedBy by) {
            return new Source(type, businessDate, recordedAt, dueOn, value, about, person, erased, by);
        }
    }
}
