package org.actionlearning.query.timetravel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.actionlearning.projection.ProjectionBatch;
import org.actionlearning.query.support.QueryServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An action is in a report as of the report's date like the rest of it. Ann, Ben and Cat meet on 02-02; Ann presents
 * the challenge that metric "Delays" is about and commits an action, due 03-01, completed on 03-10.
 */
class ActionInReportsAsOfTest extends QueryServiceTest {

    @Autowired
    ProjectionBatch batch;

    private final UUID programme = UUID.randomUUID();
    private final UUID metric = UUID.randomUUID();

    @BeforeEach
    void events() {
        UUID meeting = UUID.randomUUID();
        UUID challenge = UUID.randomUUID();
        UUID action = UUID.randomUUID();
        List<UUID> members = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        UUID ann = members.get(0);
        new DatedProgramme(programme, UUID.randomUUID())
                .launched("Chain")
                .setFormed("Set C", members)
                .meeting("2026-02-02T09:00:00Z", meeting, "02-02", members)
                .presented("2026-02-02T09:02:00Z", meeting, challenge, ann, "Rota")
                .committed("2026-02-02T09:03:00Z", action, meeting, challenge, ann, "02-02", "03-01")
                .metric("2026-02-02T10:00:00Z", metric, challenge, null)
                .completed("2026-03-10T09:00:00Z", action, "03-10")
                .project(batch);
    }

    /** The ROI's chain of impact: as of 03-01 committed 1, completed 0; as of 03-20 completed. */
    @Test
    void theApplicationLevelCountsWhatHadHappenedByTheReportsDate() {
        JsonNode before = getOk("/api/programmes/" + programme + "/roi?asOf=2026-03-01").at("/chain/application");
        assertInt(before, "committed", 1);
        assertInt(before, "completed", 0);
        assertNumber(before, "completionRate", 0);

        JsonNode after = getOk("/api/programmes/" + programme + "/roi?asOf=2026-03-20").at("/chain/application");
        assertInt(after, "completed", 1);
        assertNumber(after, "completionRate", 1);
    }

    /**
     * A run chart's interventions, like its points: the action is not there as of 01-31, is there without its
     * completion as of 03-01, and completed as of 03-20.
     */
    @Test
    void theInterventionsAreThoseThatHadHappenedByTheChartsDate() {
        JsonNode january = getOk("/api/outcomes/" + metric + "?asOf=2026-01-31").get("interventions");
        assertThat(january).isEmpty();

        JsonNode march = getOk("/api/outcomes/" + metric + "?asOf=2026-03-01").get("interventions");
        assertThat(march).hasSize(1);
        assertText(march.get(0), "committedOn", "2026-02-02");
        assertNull(march.get(0), "completedOn");

        JsonNode later = getOk("/api/outcomes/" + metric + "?asOf=2026-03-20").get("interventions");
        assertText(later.get(0), "completedOn", "2026-03-10");
    }
}
