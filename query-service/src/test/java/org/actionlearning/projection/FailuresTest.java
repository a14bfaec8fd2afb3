package org.actionlearning.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.apache.kafka.common.TopicPartition;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * Which failures dead-letter a record and which only pause projection, on real PostgreSQL errors: values a column
 * cannot hold and broken constraints are poison (the same record fails every time); a lost connection, a lock
 * timeout, a fenced poll or an exhausted pool are transient (retried, never dead-lettered).
 */
class FailuresTest {

    private static final DataSource POSTGRES = EmbeddedInfrastructure.postgres().getPostgresDatabase();

    @Test
    void valuesAColumnCannotHoldAndBrokenConstraintsArePoison() {
        Throwable date = failureOf("select cast('5874898-01-01' as date)");
        Throwable number = failureOf("select cast(1e400 as numeric(19, 4))");
        Throwable notNull = failureOf("create temporary table poison (x int not null); insert into poison values (null)");

        assertThat(Failures.isPoison(date)).isTrue();
        assertThat(Failures.isPoison(number)).isTrue();
        assertThat(Failures.isPoison(notNull)).isTrue();
        assertThat(Failures.reason(number)).contains("SQLSTATE 22003").contains("numeric field overflow");
        assertThat(Failures.reason(notNull)).contains("SQLSTATE 23502");
    }

    @Test
    void aLostConnectionALockTimeoutAFencedPollOrAnExhaustedPoolAreTransient() throws Exception {
        Throwable terminated = failureOf("select pg_terminate_backend(pg_backend_pid())");
        Throwable lockTimeout;
        try (Connection holder = POSTGRES.getConnection(); Connection waiter = POSTGRES.getConnection()) {
            holder.createStatement().execute("create table if not exists held_by_a_writer (x int)");
            holder.setAutoCommit(false);
            holder.createStatement().execute("lock table held_by_a_writer in access exclusive mode");
            waiter.createStatement().execute("set lock_timeout = 100");
            lockTimeout = catchThrowable(() -> DSL.using(waiter, SQLDialect.POSTGRES)
                    .execute("select * from held_by_a_writer"));
            holder.rollback();
        }

        assertThat(terminated).isNotNull();
        assertThat(Failures.isPoison(terminated)).isFalse();
        assertThat(Failures.isPoison(new OffsetFence.FencedPoll(new TopicPartition("t", 0), 5, 7))).isFalse();
        assertThat(Failures.isPoison(new org.springframework.transaction.CannotCreateTransactionException("pool",
                new SQLTransientConnectionException("Connection is not available", "08001")))).isFalse();
        assertThat(Failures.isPoison(new IllegalStateException("could not publish a dead letter"))).isFalse();
        assertThat(lockTimeout).hasRootCauseInstanceOf(org.postgresql.util.PSQLException.class);
        assertThat(Failures.isPoison(lockTimeout)).isFalse();
    }

    /** What running {@code sql} on a connection of its own throws, through jOOQ as the projection runs it. */
    private static Throwable failureOf(String sql) {
        DSLContext db = DSL.using(POSTGRES, SQLDialect.POSTGRES);
        return catchThrowable(() -> db.execute(sql));
    }
}
