package org.actionlearning.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.command.support.Scenario;
import org.actionlearning.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The change audit filtered by user is an index scan of {@code domainevententry_by_user}, not a scan parsing every
 * event's metadata. The plan is PostgreSQL's own (EXPLAIN of the statement the audit runs); sequential scans are
 * priced out, as they would be on a large event store, because this test database holds only a few events.
 */
class ChangeAuditPlanTest extends CommandServiceTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aFilterOnTheUserIsAnIndexScanOfTheUserIndex() throws Exception {
        ChangeAudit.Query query = ChangeAudit.query(TestIdentity.ADMIN, null, null, 100);

        String plan = explain(query);

        assertThat(plan).contains("Index Scan Backward using domainevententry_by_user on domainevententry");
        assertThat(plan).doesNotContain("Seq Scan");
        // a bitmap or a plain index scan, as the planner prices them for the rows the other tests left
        assertThat(plan).containsPattern("Index Scan (using )?(on )?access_scope_by_text_id");
    }

    @Test
    void theAuditByUserStillNamesTheUserAndTheirChanges() {
        UUID programmeId = new Scenario(http).launchProgramme("Audited");

        JsonNode changes = http.get("/api/audit/changes?user=" + TestIdentity.ADMIN + "&limit=1000").body();

        List<JsonNode> ofProgramme = new ArrayList<>();
        changes.forEach(change -> {
            assertThat(change.path("user").asText()).isEqualTo(TestIdentity.ADMIN);
            if (change.path("aggregateId").asText().equals(programmeId.toString())) {
                ofProgramme.add(change);
            }
        });
        assertThat(ofProgramme).hasSize(1);
        assertThat(ofProgramme.get(0).path("event").asText()).isEqualTo("ProgrammeLaunched");
        assertThat(http.get("/api/audit/changes?user=nobody-at-all").body()).isEmpty();
    }

    private String explain(ChangeAudit.Query query) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement settings = connection.createStatement()) {
                settings.execute("set local enable_seqscan = off");
            }
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement explain = connection.prepareStatement("explain " + query.sql())) {
                for (int i = 0; i < query.args().size(); i++) {
                    explain.setObject(i + 1, query.args().get(i));
                }
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
            } finally {
                connection.rollback();
            }
            return plan.toString();
        }
    }
}
