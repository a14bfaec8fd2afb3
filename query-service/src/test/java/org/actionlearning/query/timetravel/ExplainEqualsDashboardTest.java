package org.actionlearning.query.timetravel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.events.learningset.ContributionRetracted;
import org.actionlearning.events.learningset.QuestionAsked;
import org.actionlearning.events.learningset.QuestionForm;
import org.actionlearning.events.learningset.StatementKind;
import org.actionlearning.events.learningset.StatementMade;
import org.actionlearning.projection.ProjectionBatch;
import org.actionlearning.query.read.explanation.ExplanationQueries;
import org.actionlearning.query.support.QueryServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every figure that can be explained lists exactly as many records as the dashboard's figure, with retracted taps
 * and a discarded meeting in the programme (counted in neither):
 *
 * <pre>
 * M1 held 02-02, A B C: A presents; 4 questions (B, C, A, B) of which 2 retracted; 2 statements, 1 retracted.
 *    X1 completed (02-18), X2 due 02-10 and open (overdue by 03-20), X3 abandoned 02-05.
 * M2 opened 03-02, A B C: a challenge, a question and a statement, then discarded: nothing of it counts.
 * </pre>
 */
class ExplainEqualsDashboardTest extends QueryServiceTest {

    private static final Map<String, Integer> BY_HAND = Map.of("meetingsHeld", 1, "challengesPresented", 1,
            "questionsAsked", 2, "statementsMade", 1, "committed", 3, "completed", 1, "abandoned", 1, "open", 1,
            "overdue", 1);

    @Autowired
    ProjectionBatch batch;

    private final UUID programme = UUID.randomUUID();
    private final UUID set = UUID.randomUUID();

    @Test
    void everyExplainedFigureCountsWhatTheDashboardCounts() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID m1 = UUID.randomUUID();
        UUID m2 = UUID.randomUUID();
        UUID ch1 = UUID.randomUUID();
        UUID ch2 = UUID.randomUUID();
        DatedProgramme log = new DatedProgramme(programme, set)
                .launched("Explained")
                .setFormed("S", List.of(a, b, c))
                .meeting("2026-02-02T10:00:00Z", m1, "02-02", List.of(a, b, c))
                .presented("2026-02-02T10:05:00Z", m1, ch1, a, "T");
        QuestionAsked kept1 = log.question(m1, ch1, b, QuestionForm.OPEN);
        QuestionAsked kept2 = log.question(m1, ch1, c, QuestionForm.CLOSED);
        QuestionAsked taken1 = log.question(m1, ch1, a, QuestionForm.OPEN);
        QuestionAsked taken2 = log.question(m1, ch1, b, QuestionForm.CLOSED);
        StatementMade kept = log.statement(m1, ch1, b, StatementKind.ADVICE);
        StatementMade taken = log.statement(m1, ch1, c, StatementKind.ADVICE);
        for (var event : List.of(kept1, kept2, taken1, taken2, kept, taken)) {
            log.inSet("2026-02-02T10:10:00Z", event);
        }
        log.inSet("2026-02-02T10:20:00Z", new ContributionRetracted(set, programme, m1, taken1.contributionId(), a,
                        QuestionForm.OPEN, null))
                .inSet("2026-02-02T10:21:00Z", new ContributionRetracted(set, programme, m1, taken2.contributionId(),
                        b, QuestionForm.CLOSED, null))
                .inSet("2026-02-02T10:22:00Z", new ContributionRetracted(set, programme, m1, taken.contributionId(), c,
                        null, StatementKind.ADVICE))
                .closed("2026-02-02T12:00:00Z", m1, "02-02");
        UUID x1 = UUID.randomUUID();
        UUID x2 = UUID.randomUUID();
        UUID x3 = UUID.randomUUID();
        for (UUID action : List.of(x1, x2, x3)) {
            log.committed("2026-02-02T12:01:00Z", action, m1, ch1, a, "02-02", action.equals(x2) ? "02-10" : "02-20");
        }
        log.abandoned("2026-02-05T09:00:00Z", x3, "02-05")
                .completed("2026-02-18T09:00:00Z", x1, "02-18")
                .meeting("2026-03-02T10:00:00Z", m2, "03-02", List.of(a, b, c))
                .presented("2026-03-02T10:05:00Z", m2, ch2, b, "T")
                .asked("2026-03-02T10:06:00Z", m2, ch2, a, QuestionForm.OPEN)
                .said("2026-03-02T10:07:00Z", m2, ch2, c, StatementKind.ADVICE)
                .discarded("2026-03-02T10:30:00Z", m2, "03-02")
                .project(batch);

        JsonNode dashboard = getOk("/api/programmes/" + programme + "/dashboard?asOf=2026-03-20");
        // every dashboard figure (costs and benefits are the ROI's, explained with amounts)
        assertThat(ExplanationQueries.FIGURES).containsAll(BY_HAND.keySet());
        for (String figure : BY_HAND.keySet()) {
            JsonNode explained = getOk("/api/programmes/" + programme + "/explain?figure=" + figure
                    + "&asOf=2026-03-20");
            JsonNode onDashboard = dashboard.get("counts").has(figure) ? dashboard.get("counts").get(figure)
                    : dashboard.get("followThrough").get(figure);
            assertThat(onDashboard.asInt()).as("dashboard's " + figure).isEqualTo(BY_HAND.get(figure));
            assertThat(explained.get("count").asInt()).as("explained " + figure).isEqualTo(BY_HAND.get(figure));
            assertThat(explained.get("records").size()).as("records of " + figure).isEqualTo(BY_HAND.get(figure));
        }
    }
}
