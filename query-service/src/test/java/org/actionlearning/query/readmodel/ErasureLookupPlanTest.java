package org.actionlearning.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.actionlearning.query.support.QueryServiceTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Erasure redacts a person's texts by person: each of its updates finds the rows through an index, not by reading
 * the whole table. The plans are PostgreSQL's own; sequential scans are priced out, as on a large read model,
 * because this test database holds only a few rows.
 */
class ErasureLookupPlanTest extends QueryServiceTest {

    @Autowired
    DataSource dataSource;

    @ParameterizedTest
    @CsvSource({
            "update contribution set text = null where person_id = ?, contribution_by_person",
            "update reflection set text = null where person_id = ?, reflection_by_person",
            "update challenge set title = null where presenter_id = ?, challenge_by_presenter",
            "update action_item set description = null where owner_id = ?, action_item_by_owner",
            "update learning_set set facilitator_name = null where facilitator_id = ?, "
                    + "learning_set_by_facilitator",
            "update set_member set display_name = null where person_id = ?, set_member_by_person",
            "update pulse_answer set answers = null where person_id = ?, pulse_answer_by_person",
            "update event_recorder set recorded_by_user = null where recorded_by_person = ?, event_recorder_by_person"})
    void eachRedactionFindsThePersonsRowsByAnIndex(String update, String index) throws Exception {
        String plan = explain(update);

        assertThat(plan).contains(index).doesNotContain("Seq Scan");
    }

    private String explain(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement settings = connection.createStatement();
                 PreparedStatement explain = connection.prepareStatement("explain " + sql)) {
                settings.execute("set local enable_seqscan = off");
                explain.setObject(1, UUID.randomUUID());
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                connection.rollback();
            }
        }
    }
}
