package org.actionlearning.query.projection;

import static org.actionlearning.query.jooq.Tables.MEETING;
import static org.actionlearning.query.jooq.Tables.MEETING_ACTIVITY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.actionlearning.query.jooq.tables.records.MeetingActivityRecord;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Read models projected before the fewer-than-3 rule went by meeting get each meeting's attendees and activity from
 * the rows they hold when the migration adds them: no rebuild needed for the dashboard to apply the rule.
 */
class MeetingActivityMigrationTest {

    @Test
    void theMigrationCountsEachMeetingsAttendeesAndActivity() {
        DataSource dataSource = new DriverManagerDataSource(
                EmbeddedInfrastructure.newDatabase("meeting_activity_migration"), "postgres", "postgres");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/query").target("50").load().migrate();
        DSLContext db = DSL.using(dataSource, SQLDialect.POSTGRES);
        UUID programme = UUID.randomUUID();
        UUID set = UUID.randomUUID();
        UUID busy = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();
        meeting(db, programme, set, busy, 3);
        meeting(db, programme, set, quiet, 2);
        // busy: two challenges; members' counts 3 + 2 questions and 1 + 4 statements; quiet: one challenge only
        challenge(db, programme, busy, set);
        challenge(db, programme, busy, set);
        challenge(db, programme, quiet, set);
        participation(db, programme, busy, set, 3, 1);
        participation(db, programme, busy, set, 2, 4);

        Flyway.configure().dataSource(dataSource).locations("classpath:db/query").load().migrate();

        assertThat(counts(db, busy)).containsExactly(2, 5, 5);
        assertThat(counts(db, quiet)).containsExactly(1, 0, 0);
        assertThat(db.fetchCount(MEETING_ACTIVITY)).isEqualTo(2);
        assertThat(db.select(MEETING.ATTENDEES).from(MEETING).where(MEETING.MEETING_ID.eq(busy)).fetchOne().value1())
                .isEqualTo(3);
        assertThat(db.select(MEETING.ATTENDEES).from(MEETING).where(MEETING.MEETING_ID.eq(quiet)).fetchOne().value1())
                .isEqualTo(2);
    }

    private static void meeting(DSLContext db, UUID programme, UUID set, UUID meeting, int attendees) {
        db.execute("insert into meeting (meeting_id, set_id, programme_id, scheduled_for, opened_on, status) "
                + "values (?, ?, ?, date '2026-02-02', date '2026-02-02', 'OPEN')", meeting, set, programme);
        for (int i = 0; i < attendees; i++) {
            db.execute("insert into meeting_attendee (meeting_id, person_id, set_id) values (?, ?, ?)", meeting,
                    UUID.randomUUID(), set);
        }
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

    private static List<Integer> counts(DSLContext db, UUID meeting) {
        MeetingActivityRecord row = db.fetchOne(MEETING_ACTIVITY, MEETING_ACTIVITY.MEETING_ID.eq(meeting));
        return List.of(row.getChallenges(), row.getQuestions(), row.getStatements());
    }
}
