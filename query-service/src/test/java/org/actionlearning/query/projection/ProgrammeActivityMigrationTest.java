package org.actionlearning.query.projection;

import static org.actionlearning.query.jooq.Tables.PROGRAMME_ACTIVITY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.actionlearning.query.jooq.tables.records.ProgrammeActivityRecord;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Read models projected before {@code programme_activity} existed get their programmes' counts from the rows they
 * hold when the migration adds the table: no rebuild needed for the dashboard to show them.
 */
class ProgrammeActivityMigrationTest {

    @Test
    void theMigrationCountsWhatTheReadModelsAlreadyHold() {
        DataSource dataSource = new DriverManagerDataSource(
                EmbeddedInfrastructure.newDatabase("programme_activity_migration"), "postgres", "postgres");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/query").target("6.2").load().migrate();
        DSLContext db = DSL.using(dataSource, SQLDialect.POSTGRES);
        UUID busy = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        UUID set = UUID.randomUUID();
        // busy: two challenges; members' counts 3 + 2 questions and 1 + 4 statements; quiet: one challenge only
        challenge(db, busy, meeting, set);
        challenge(db, busy, meeting, set);
        challenge(db, quiet, UUID.randomUUID(), UUID.randomUUID());
        participation(db, busy, meeting, set, 3, 1);
        participation(db, busy, meeting, set, 2, 4);

        Flyway.configure().dataSource(dataSource).locations("classpath:db/query").load().migrate();

        assertThat(counts(db, busy)).containsExactly(2, 5, 5);
        assertThat(counts(db, quiet)).containsExactly(1, 0, 0);
        assertThat(db.fetchCount(PROGRAMME_ACTIVITY)).isEqualTo(2);
    }

    private static void challenge(DSLContext db, UUID programme, UUID meeting, UUID set) {
        db.execute("insert into challenge (challenge_id, meeting_id, set_id, programme_id, presenter_id, title) "
                + "values (?, ?, ?, ?, ?, 'T')", UUID.randomUUID(), meeting, set, programme, UUID.randomUUID());
    }

    private static void participation(DSLContext db, UUID programme, UUID meeting, UUID set, int questions,
                                      int statements) {
        db.execute("insert into member_participation (meeting_id, person_id, set_id, programme_id, questions, "
                + "statements) values (?, ?, ?, ?, ?, ?)", meeting, UUID.randomUUID(), set, programme, questions,
                statements);
    }

    private static List<Integer> counts(DSLContext db, UUID programme) {
        ProgrammeActivityRecord row = db.fetchOne(PROGRAMME_ACTIVITY, PROGRAMME_ACTIVITY.PROGRAMME_ID.eq(programme));
        return List.of(row.getChallenges(), row.getQuestions(), row.getStatements());
    }
}
