package org.actionlearning.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.events.learningset.MemberJoined;
import org.actionlearning.events.learningset.MemberLeft;
import org.actionlearning.events.learningset.SetFormed;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.actionlearning.projection.ProjectionBatch;
import org.actionlearning.projection.ProjectionDb;
import org.actionlearning.query.support.QueryServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A member who left a set and was added to it again is a member again: the dashboard counts them, as the
 * programme list does.
 */
class MemberRejoinedTest extends QueryServiceTest {

    @Autowired
    ProjectionBatch batch;
    @Autowired
    @ProjectionDb
    TransactionTemplate transactions;

    private final UUID programme = UUID.randomUUID();
    private final UUID set = UUID.randomUUID();

    @Test
    void aMemberWhoLeftAndJoinedAgainCountsInTheDashboard() {
        UUID ann = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        UUID cat = UUID.randomUUID();
        LocalDate january = LocalDate.of(2026, 1, 5);
        EventLog log = new EventLog();
        log.append("Programme", programme, new ProgrammeLaunched(programme, "Org", "Rejoined", "S", january, "GBP"));
        log.append("LearningSet", set, new SetFormed(set, programme, "Set J", UUID.randomUUID(), "Fran"));
        log.append("LearningSet", set, new MemberJoined(set, programme, ann, "Ann", january));
        log.append("LearningSet", set, new MemberJoined(set, programme, ben, "Ben", january));
        log.append("LearningSet", set, new MemberJoined(set, programme, cat, "Cat", january));
        // Cat leaves and is added again (recorded 2026-03-09, before today 2026-04-05)
        log.append("LearningSet", set, new MemberLeft(set, programme, cat));
        log.append("LearningSet", set, new MemberJoined(set, programme, cat, "Cat", LocalDate.of(2026, 3, 9)));
        transactions.executeWithoutResult(tx -> batch.apply(batch.read(EventLog.asPoll(
                "rejoined-" + UUID.randomUUID(), 0, log.envelopes()))));

        JsonNode dashboard = getOk("/api/programmes/" + programme + "/dashboard");
        assertInt(dashboard.get("counts"), "members", 3);
        JsonNode listed = null;
        for (JsonNode p : getOk("/api/programmes")) {
            if (p.get("programmeId").asText().equals(programme.toString())) {
                listed = p;
            }
        }
        assertThat(listed).isNotNull();
        assertInt(listed, "members", 3);
    }
}
