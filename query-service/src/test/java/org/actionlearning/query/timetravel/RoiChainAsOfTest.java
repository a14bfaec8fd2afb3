package org.actionlearning.query.timetravel;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.actionlearning.events.action.ActionCommitted;
import org.actionlearning.events.action.ActionCompleted;
import org.actionlearning.events.learningset.ChallengePresented;
import org.actionlearning.events.learningset.MeetingOpened;
import org.actionlearning.events.learningset.MeetingScheduled;
import org.actionlearning.events.learningset.MemberJoined;
import org.actionlearning.events.learningset.SetFormed;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.actionlearning.projection.ProjectionBatch;
import org.actionlearning.query.support.QueryServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ROI's chain of impact is as of the report's date like the rest of the report: an action committed on 02-02
 * and completed on 03-10 is open in the report as of 03-01 (committed 1, completed 0) and completed as of 03-20.
 */
class RoiChainAsOfTest extends QueryServiceTest {

    @Autowired
    ProjectionBatch batch;

    @Test
    void theApplicationLevelCountsWhatHadHappenedByTheReportsDate() {
        UUID programme = UUID.randomUUID();
        UUID set = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        UUID challenge = UUID.randomUUID();
        UUID action = UUID.randomUUID();
        UUID ann = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        UUID cat = UUID.randomUUID();
        DatedEvents log = new DatedEvents();
        log.add("2026-01-05T09:00:00Z", "Programme", programme,
                new ProgrammeLaunched(programme, "Org", "Chain", "Sponsor", day("01-05"), "GBP"));
        log.add("2026-01-05T09:01:00Z", "LearningSet", set,
                new SetFormed(set, programme, "Set C", UUID.randomUUID(), "Fran"));
        for (UUID member : List.of(ann, ben, cat)) {
            log.add("2026-01-05T09:02:00Z", "LearningSet", set,
                    new MemberJoined(set, programme, member, "M", day("01-05")));
        }
        log.add("2026-02-02T09:00:00Z", "LearningSet", set, new MeetingScheduled(set, programme, meeting,
                day("02-02")));
        log.add("2026-02-02T09:01:00Z", "LearningSet", set, new MeetingOpened(set, programme, meeting, day("02-02"),
                List.of(ann, ben, cat)));
        log.add("2026-02-02T09:02:00Z", "LearningSet", set, new ChallengePresented(set, programme, meeting,
                challenge, ann, "Rota", null));
        log.add("2026-02-02T09:03:00Z", "Action", action, new ActionCommitted(action, programme, set, meeting,
                challenge, ann, "Draft", day("02-02"), day("03-01")));
        log.add("2026-03-10T09:00:00Z", "Action", action, new ActionCompleted(action, programme, set, day("03-10"),
                null));
        log.project(batch);

        JsonNode before = getOk("/api/programmes/" + programme + "/roi?asOf=2026-03-01").at("/chain/application");
        assertInt(before, "committed", 1);
        assertInt(before, "completed", 0);
        assertNumber(before, "completionRate", 0);

        JsonNode after = getOk("/api/programmes/" + programme + "/roi?asOf=2026-03-20").at("/chain/application");
        assertInt(after, "completed", 1);
        assertNumber(after, "completionRate", 1);
    }

    private static LocalDate day(String monthDay) {
        return LocalDate.parse("2026-" + monthDay);
    }
}
