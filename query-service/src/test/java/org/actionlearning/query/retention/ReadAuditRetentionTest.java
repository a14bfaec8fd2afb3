package org.actionlearning.query.retention;

import static org.actionlearning.query.jooq.Tables.READ_AUDIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.actionlearning.query.support.QueryServiceTest;
import org.actionlearning.service.retention.RetentionPurge;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Read-audit rows older than the retention (396 days by default) are purged; younger ones stay. */
class ReadAuditRetentionTest extends QueryServiceTest {

    @Autowired
    RetentionPurge readAuditPurge;

    @Test
    void thePurgeRemovesOnlyRowsOlderThanTheRetention() {
        UUID setId = UUID.randomUUID();
        read(setId, "older", Duration.ofDays(397));
        read(setId, "younger", Duration.ofDays(395));
        read(setId, "today", Duration.ZERO);

        RetentionPurge.Outcome outcome = readAuditPurge.purgeOnce();

        assertThat(outcome.lockedByAnother()).isFalse();
        assertThat(outcome.deleted()).isGreaterThanOrEqualTo(1);
        assertThat(db.select(READ_AUDIT.USERNAME).from(READ_AUDIT).where(READ_AUDIT.SET_ID.eq(setId))
                .fetch(READ_AUDIT.USERNAME)).containsExactlyInAnyOrder("younger", "today");
    }

    private void read(UUID setId, String username, Duration age) {
        db.insertInto(READ_AUDIT)
                .set(READ_AUDIT.READ_AT, OffsetDateTime.now(ZoneOffset.UTC).minus(age))
                .set(READ_AUDIT.USERNAME, username)
                .set(READ_AUDIT.RESOURCE, "set record")
                .set(READ_AUDIT.SET_ID, setId)
                .set(READ_AUDIT.PROGRAMME_ID, UUID.randomUUID())
                .execute();
    }
}
