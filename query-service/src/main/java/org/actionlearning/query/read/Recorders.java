package org.actionlearning.query.read;

import static org.actionlearning.query.jooq.Tables.ERASED_PERSON;
import static org.actionlearning.query.jooq.Tables.EVENT_RECORDER;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Who recorded the records of a programme's read models. A read-model row keeps the instant its event was stored
 * (its recorded_at column); the recorder of that event is found by the programme and that instant, the event type
 * telling apart events stored at the same instant. Where two recorders still fit, neither is named: unknown.
 */
@Component
public class Recorders {

    private final DSLContext db;
    private final PersonalValues personal;

    Recorders(DSLContext db, PersonalValues personal) {
        this.db = db;
        this.personal = personal;
    }

    /**
     * The recorders of a programme's events stored at these instants (one query), with their usernames if
     * {@code withNames}: a person's username is sealed and opened here (one call to the vault), and shown by no
     * means once they were erased.
     */
    public Found at(UUID programmeId, Collection<Instant> instants, boolean withNames) {
        List<OffsetDateTime> at = instants.stream().filter(Objects::nonNull).distinct()
                .map(i -> i.atOffset(ZoneOffset.UTC)).toList();
        if (at.isEmpty()) {
            return new Found(Map.of());
        }
        var r = EVENT_RECORDER;
        record Stored(Instant at, String type, String user, String role) {
        }
        List<Stored> stored = db.select(r.RECORDED_AT, r.EVENT_TYPE, r.RECORDED_BY_USER, r.RECORDED_BY_ROLE,
                        ERASED_PERSON.PERSON_ID)
                .from(r).leftJoin(ERASED_PERSON).on(ERASED_PERSON.PERSON_ID.eq(r.RECORDED_BY_PERSON))
                .where(r.PROGRAMME_ID.eq(programmeId))
                .and(r.RECORDED_AT.eq(DSL.any(at.toArray(OffsetDateTime[]::new))))
                .fetch(row -> new Stored(row.value1().toInstant(), row.value2(),
                        withNames && row.value5() == null ? row.value3() : null, RecordedBy.roleLabel(row.value4())));
        PersonalValues.Disclosure names = personal.disclose(stored.stream().map(Stored::user)
                .filter(Objects::nonNull).distinct().toList(), List.of());
        Map<Instant, List<Row>> rows = new HashMap<>();
        stored.forEach(s -> rows.computeIfAbsent(s.at(), k -> new ArrayList<>())
                .add(new Row(s.type(), new RecordedBy(s.role(), names.text(s.user())))));
        return new Found(rows);
    }

    private record Row(String type, RecordedBy by) {
    }

    /** The recorders found, to be read per record. */
    public static final class Found {
        private final Map<Instant, List<Row>> rows;

        private Found(Map<Instant, List<Row>> rows) {
            this.rows = rows;
        }

        /** Who recorded the record of {@code type} stored at {@code at}; unknown when none or several fit. */
        public RecordedBy of(String type, Instant at) {
            List<Row> candidates = at == null ? List.of() : rows.getOrDefault(at, List.of());
            List<Row> ofType = candidates.stream().filter(row -> row.type().equals(type)).toList();
            List<RecordedBy> fits = (ofType.isEmpty() ? candidates : ofType).stream().map(Row::by).distinct()
                    .toList();
            return fits.size() == 1 ? fits.get(0) : RecordedBy.UNKNOWN;
        }
    }
}
