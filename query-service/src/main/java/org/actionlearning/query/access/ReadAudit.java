package org.actionlearning.query.access;

import static org.actionlearning.query.jooq.Tables.READ_AUDIT;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.actionlearning.service.security.Caller;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Records every read of a set's confidential detail, and answers who read what. */
@Component
public class ReadAudit {

    public record Read(OffsetDateTime at, String user, String resource, UUID setId, UUID programmeId) {
    }

    private final DSLContext db;
    private final Clock clock;

    ReadAudit(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Commits without waiting for the WAL flush ({@code synchronous_commit = off} for this transaction only): the
     * read does not wait for a disk write. The row is still written, in order, by PostgreSQL's WAL writer within a
     * fraction of a second (3 x {@code wal_writer_delay}); it is lost only if PostgreSQL itself crashes in that
     * window, never by the application stopping. The event store and projections keep their synchronous commits.
     */
    void record(Caller caller, String resource, ReadScopes.SetScope set) {
        db.transaction(transaction -> {
            DSLContext tx = transaction.dsl();
            tx.execute("set local synchronous_commit = off");
            tx.insertInto(READ_AUDIT)
                    .set(READ_AUDIT.READ_AT, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
                    .set(READ_AUDIT.USERNAME, caller.username())
                    .set(READ_AUDIT.RESOURCE, resource)
                    .set(READ_AUDIT.SET_ID, set.setId())
                    .set(READ_AUDIT.PROGRAMME_ID, set.programmeId())
                    .execute();
        });
    }

    /** Newest first; {@code programmes} null means every programme (a platform administrator asking). */
    public List<Read> reads(List<UUID> programmes, UUID setId, String user, int limit) {
        Condition where = DSL.trueCondition();
        if (programmes != null) {
            where = where.and(READ_AUDIT.PROGRAMME_ID.in(programmes));
        }
        if (setId != null) {
            where = where.and(READ_AUDIT.SET_ID.eq(setId));
        }
        if (user != null) {
            where = where.and(READ_AUDIT.USERNAME.eq(user));
        }
        return db.select(READ_AUDIT.READ_AT, READ_AUDIT.USERNAME, READ_AUDIT.RESOURCE, READ_AUDIT.SET_ID,
                        READ_AUDIT.PROGRAMME_ID)
                .from(READ_AUDIT).where(where).orderBy(READ_AUDIT.ID.desc()).limit(limit)
                .fetch(r -> new Read(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }
}
