package org.actionlearning.query.access;

import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.OUTCOME_METRIC;
import static org.actionlearning.query.jooq.Tables.PROGRAMME;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.actionlearning.query.read.UnknownResource;
import org.actionlearning.service.security.Caller;
import org.actionlearning.service.security.Role;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Where a programme, set or metric sits, from the read model; an unknown id is a 404 before any permission. */
@Component
class ReadScopes {

    /** The id a request named, to answer as unknown to a caller who may not learn that it exists. */
    record Asked(String field, String what, UUID id) {

        UnknownResource unknown() {
            return new UnknownResource(field, what, id);
        }
    }

    record ProgrammeScope(UUID programmeId, String organisation, Asked asked) {
    }

    record SetScope(UUID setId, UUID programmeId, String organisation, Asked asked) {
    }

    private final DSLContext db;

    ReadScopes(DSLContext db) {
        this.db = db;
    }

    ProgrammeScope programme(UUID programmeId) {
        return programme(programmeId, new Asked("programmeId", "programme", programmeId));
    }

    private ProgrammeScope programme(UUID programmeId, Asked asked) {
        String organisation = db.select(PROGRAMME.ORGANISATION).from(PROGRAMME)
                .where(PROGRAMME.PROGRAMME_ID.eq(programmeId)).fetchOne(PROGRAMME.ORGANISATION);
        if (organisation == null) {
            throw asked.unknown();
        }
        return new ProgrammeScope(programmeId, organisation, asked);
    }

    SetScope set(UUID setId) {
        Asked asked = new Asked("setId", "learning set", setId);
        var row = db.select(LEARNING_SET.PROGRAMME_ID, PROGRAMME.ORGANISATION).from(LEARNING_SET)
                .join(PROGRAMME).on(PROGRAMME.PROGRAMME_ID.eq(LEARNING_SET.PROGRAMME_ID))
                .where(LEARNING_SET.SET_ID.eq(setId)).fetchOne();
        if (row == null) {
            throw asked.unknown();
        }
        return new SetScope(setId, row.value1(), row.value2(), asked);
    }

    ProgrammeScope programmeOfMetric(UUID metricId) {
        Asked asked = new Asked("metricId", "outcome metric", metricId);
        UUID programmeId = db.select(OUTCOME_METRIC.PROGRAMME_ID).from(OUTCOME_METRIC)
                .where(OUTCOME_METRIC.METRIC_ID.eq(metricId)).fetchOne(OUTCOME_METRIC.PROGRAMME_ID);
        if (programmeId == null) {
            throw asked.unknown();
        }
        return programme(programmeId, asked);
    }

    /**
     * Whether the caller holds any grant in the organisation (ADMIN of it, SPONSOR of one of its programmes,
     * FACILITATOR or MEMBER of one of its sets): such a caller may know what the organisation has.
     */
    boolean inOrganisation(Caller caller, String organisation) {
        if (caller.isAdminOf(organisation)) {
            return true;
        }
        Set<UUID> programmes = caller.scopesOf(Role.SPONSOR);
        Set<UUID> sets = Stream.concat(caller.scopesOf(Role.FACILITATOR).stream(),
                caller.scopesOf(Role.MEMBER).stream()).collect(Collectors.toSet());
        return !programmes.isEmpty() && db.fetchExists(db.selectOne().from(PROGRAMME)
                .where(PROGRAMME.PROGRAMME_ID.in(programmes)).and(PROGRAMME.ORGANISATION.eq(organisation)))
                || !sets.isEmpty() && db.fetchExists(db.selectOne().from(LEARNING_SET)
                .join(PROGRAMME).on(PROGRAMME.PROGRAMME_ID.eq(LEARNING_SET.PROGRAMME_ID))
                .where(LEARNING_SET.SET_ID.in(sets)).and(PROGRAMME.ORGANISATION.eq(organisation)));
    }
}
