package org.actionlearning.query.read;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The two time axes of a read (docs/time-travel.md): {@code asOf}, business time, counts what had happened by the end
 * of that day; {@code recordedBy}, knowledge time, counts only what had been stored by that instant (null: everything
 * stored, the read models as they are, which keeps today's reads on their fast path).
 */
public record PastView(LocalDate asOf, Instant recordedBy) {

    /** Everything stored, whatever its date: what reads without a date of their own show. */
    public static final PastView EVERYTHING = new PastView(LocalDate.of(9999, 12, 31), null);

    public static PastView asOf(LocalDate asOf) {
        return new PastView(asOf, null);
    }

    /** Whether only part of what is stored counts: then figures are computed from the dated fact rows. */
    public boolean knowledgeCut() {
        return recordedBy != null;
    }

    /** A row stored at {@code recordedAt} is known: null (recorded before instants were kept) always is. */
    public Condition known(Field<OffsetDateTime> recordedAt) {
        return recordedBy == null ? DSL.noCondition()
                : recordedAt.isNull().or(recordedAt.le(recordedBy.atOffset(ZoneOffset.UTC)));
    }

    public boolean known(OffsetDateTime recordedAt) {
        return recordedBy == null || recordedAt == null || !recordedAt.toInstant().isAfter(recordedBy);
    }

    /** A business date is within the view. */
    public boolean happened(LocalDate on) {
        return on != null && !on.isAfter(asOf);
    }
}
