package org.actionlearning.command.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.service.retention.RetentionPurge;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Stored answers older than the retention (7 days by default) are purged; younger ones stay. */
class IdempotencyKeyRetentionTest extends CommandServiceTest {

    @Autowired
    RetentionPurge idempotencyKeyPurge;
    @Autowired
    DataSource dataSource;

    @Test
    void thePurgeRemovesOnlyAnswersOlderThanTheRetention() {
        String eightDays = key(Duration.ofDays(8));
        String sixDays = key(Duration.ofDays(6));
        String justNow = key(Duration.ZERO);

        RetentionPurge.Outcome outcome = idempotencyKeyPurge.purgeOnce();

        assertThat(outcome.lockedByAnother()).isFalse();
        assertThat(outcome.deleted()).isGreaterThanOrEqualTo(1);
        assertThat(stored(eightDays, sixDays, justNow)).containsExactlyInAnyOrder(sixDays, justNow);
    }

    @Test
    void whileAnotherInstancePurgesThisOneSkips() throws Exception {
        String old = key(Duration.ofDays(30));
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, RetentionPurge.lockKey("idempotency_key"));
                lock.execute();
            }

            RetentionPurge.Outcome outcome = idempotencyKeyPurge.purgeOnce();

            assertThat(outcome).isEqualTo(new RetentionPurge.Outcome(0, true));
            assertThat(stored(old)).containsExactly(old);
            other.rollback();
        }
        assertThat(idempotencyKeyPurge.purgeOnce().lockedByAnother()).isFalse();
        assertThat(stored(old)).isEmpty();
    }

    /** A stored answer of one caller, created {@code age} ago. */
    private String key(Duration age) {
        String key = "retention-" + UUID.randomUUID();
        jdbc.update("insert into idempotency_key (caller, idempotency_key, fingerprint, status, created_at)"
                + " values ('retention-test', ?, ?, 201, ?)", key, "0".repeat(64),
                Timestamp.from(Instant.now().minus(age)));
        return key;
    }

    private List<String> stored(String... keys) {
        return jdbc.queryForList("select idempotency_key from idempotency_key where idempotency_key = any (?)",
                String.class, (Object) keys);
    }
}
