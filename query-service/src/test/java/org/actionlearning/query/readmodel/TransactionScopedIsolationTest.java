package org.actionlearning.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.actionlearning.query.support.QueryServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A REPEATABLE READ read sees one snapshot, reads only, and leaves the connection as it found it, with the isolation
 * set by the transaction, not for the session.
 */
class TransactionScopedIsolationTest extends QueryServiceTest {

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void aConsistentReadSeesOneSnapshotAndLeavesTheSessionAlone() {
        TransactionTemplate consistentRead = new TransactionTemplate(transactions);
        consistentRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        consistentRead.setReadOnly(true);
        TransactionTemplate write = new TransactionTemplate(transactions);
        write.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        UUID programme = UUID.randomUUID();

        consistentRead.executeWithoutResult(tx -> {
            assertThat(setting("transaction_isolation")).isEqualTo("repeatable read");
            // set for this transaction, not for the session (which takes round trips to set, ask and set back)
            assertThat(setting("default_transaction_isolation")).isEqualTo("read committed");
            assertThat(setting("transaction_read_only")).isEqualTo("on");
            assertThat(programmes(programme)).isZero();
            write.executeWithoutResult(inner -> db.execute("insert into meeting_activity (meeting_id, programme_id, set_id) "
                    + "values (?, ?, ?)", programme, programme, programme));
            assertThat(programmes(programme)).as("committed after this read's snapshot").isZero();
        });

        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            assertThat(setting("transaction_isolation")).isEqualTo("read committed");
            assertThat(setting("transaction_read_only")).isEqualTo("off");
            assertThat(programmes(programme)).isOne();
        });
    }

    private String setting(String name) {
        return db.fetchValue("select current_setting(?)", name).toString();
    }

    private int programmes(UUID programme) {
        return db.fetchCount(db.selectFrom("meeting_activity").where("programme_id = ?", programme));
    }
}
