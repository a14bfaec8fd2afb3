package org.actionlearning.query.timetravel;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.actionlearning.events.outcome.Direction;
import org.actionlearning.events.outcome.OutcomeMetricDefined;
import org.actionlearning.events.outcome.Period;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.actionlearning.projection.ProjectionBatch;
import org.actionlearning.query.support.QueryServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A run chart's interventions are as of the chart's date like its points: an action committed on 02-02 for the
 * metric's challenge and completed on 03-10 is not there as of 01-31, is there without its completion as of 03-01,
 * and completed as of 03-20.
 */
class InterventionsAsOfTest extends QueryServiceTest {

    @Autowired
    ProjectionBatch batch;

    @Test
    void theInterventionsAreThoseThatHadHappenedByTheChartsDate() {
        UUID programme = UUID.randomUUID();
        UUID set = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        UUID challenge = UUID.randomUUID();
        UUID action = UUID.randomUUID();
        UUID metric = UUID.randomUUID();
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
        log.add("2026-02-02T10:00:00Z", "OutcomeMetric", metric, new OutcomeMetricDefined(metric, programme,
                challenge, "Delays", "hours", Direction.DECREASE, Period.WEEK, null, null));
        log.project(batch);

        JsonNode january = getOk("/api/outcomes/" + metric + "?asOf=2026-01-31").get("interventions");
        assertThat(january).isEmpty();

        JsonNode march = getOk("/api/outcomes/" + metric + "?asOf=2026-03-01").get("interventions");
        assertThat(march).hasSize(1);
        assertText(march.get(0), "committedOn", "2026-02-02");
        assertNull(march.get(0), "completedOn");

        JsonNode later = getOk("/api/outcomes/" + metric + "?asOf=2026-03-20").get("interventions");
        assertText(later.get(0), "completedOn", "2026-03-10");
    }

    private static LocalDate day(String monthDay) {
        return LocalDate.parse("2026-" + monthDay);
    }
}
