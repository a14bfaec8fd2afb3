package org.actionlearning.query.projection;

import org.actionlearning.projection.ReadModelWrites;
import static org.actionlearning.query.jooq.Tables.MEMBER_PARTICIPATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.actionlearning.query.jooq.tables.records.MemberParticipationRecord;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Merged increments: the counters of a row written in one transaction equal those of the statements one by one,
 * also when other statements on the same row come between them.
 */
class ReadModelWritesTest {

    private static final DataSource DATA_SOURCE = migrated(EmbeddedInfrastructure.newDatabase("read_model_writes"));

    private final DSLContext db = DSL.using(new TransactionAwareDataSourceProxy(DATA_SOURCE), SQLDialect.POSTGRES);
    private final ReadModelWrites writes = new ReadModelWrites(db);
    private final TransactionTemplate transaction = new TransactionTemplate(
            new DataSourceTransactionManager(DATA_SOURCE));
    private final Query addToParticipation = SetProjection.addToParticipation(db);
    private final UUID meeting = UUID.randomUUID();
    private final UUID set = UUID.randomUUID();
    private final UUID programme = UUID.randomUUID();

    @Test
    void incrementsOfARowInOneTransactionAddUp() {
        UUID asker = UUID.randomUUID();
        UUID presenter = UUID.randomUUID();

        transaction.executeWithoutResult(tx -> {
            increment(asker, 1, 1, 0, 0, 0);
            increment(presenter, 0, 0, 0, 0, 1);
            increment(asker, 1, 0, 0, 0, 0);
            increment(asker, 0, 0, 1, 1, 0);
            increment(presenter, 0, 0, 1, 0, 0);
            increment(asker, 1, 1, 0, 0, 0);
        });
        transaction.executeWithoutResult(tx -> increment(asker, 1, 0, 1, 0, 0)); // onto the stored row

        assertThat(counts(asker)).containsExactly(4, 2, 2, 1, 0);
        assertThat(counts(presenter)).containsExactly(0, 0, 1, 0, 1);
    }

    @Test
    void anotherStatementOnTheRowBetweenIncrementsKeepsItsPlace() {
        UUID asker = UUID.randomUUID();

        transaction.executeWithoutResult(tx -> {
            increment(asker, 1, 0, 0, 0, 0);
            increment(asker, 2, 0, 0, 0, 0);
            // not an increment: must see the 3 questions before it, and none of those after it
            writes.add(MEMBER_PARTICIPATION, List.of(meeting, asker), db.update(MEMBER_PARTICIPATION)
                    .set(MEMBER_PARTICIPATION.QUESTIONS, MEMBER_PARTICIPATION.QUESTIONS.mul(10))
                    .where(MEMBER_PARTICIPATION.MEETING_ID.eq(meeting)
                            .and(MEMBER_PARTICIPATION.PERSON_ID.eq(asker))));
            increment(asker, 4, 0, 0, 0, 0);
            increment(asker, 5, 0, 0, 0, 0);
        });

        assertThat(counts(asker).get(0)).isEqualTo((1 + 2) * 10 + 4 + 5);
    }

    @Test
    void aBarrierBetweenIncrementsKeepsItsPlace() {
        UUID asker = UUID.randomUUID();

        transaction.executeWithoutResult(tx -> {
            increment(asker, 1, 0, 0, 0, 0);
            writes.add(db.update(MEMBER_PARTICIPATION)
                    .set(MEMBER_PARTICIPATION.QUESTIONS, MEMBER_PARTICIPATION.QUESTIONS.mul(10))
                    .where(MEMBER_PARTICIPATION.MEETING_ID.eq(meeting)));
            increment(asker, 2, 0, 0, 0, 0);
        });

        assertThat(counts(asker).get(0)).isEqualTo(1 * 10 + 2);
    }

    private void increment(UUID person, int questions, int openQuestions, int statements, int advice,
                           int presented) {
        writes.addIncrement(MEMBER_PARTICIPATION, List.of(meeting, person), addToParticipation,
                new Object[] {meeting, person, set, programme},
                questions, openQuestions, statements, advice, presented);
    }

    private List<Integer> counts(UUID person) {
        MemberParticipationRecord row = db.selectFrom(MEMBER_PARTICIPATION)
                .where(MEMBER_PARTICIPATION.MEETING_ID.eq(meeting).and(MEMBER_PARTICIPATION.PERSON_ID.eq(person)))
                .fetchOne();
        return List.of(row.getQuestions(), row.getOpenQuestions(), row.getStatements(), row.getAdvice(),
                row.getPresented());
    }

    private static DataSource migrated(String url) {
        DataSource dataSource = new DriverManagerDataSource(url, "postgres", "postgres");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/query").load().migrate();
        return dataSource;
    }
}
