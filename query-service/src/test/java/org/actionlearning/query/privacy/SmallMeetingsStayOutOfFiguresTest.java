package org.actionlearning.query.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.actionlearning.query.support.QueryServiceTest;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Three ways the fewer-than-3 rule leaked while it went by how many people a set had ever had: a set that shrinks to
 * two (F3), a pair that a third person joins later (F4), and a meeting of two in a large set (F5). A sponsor's
 * figures now count only meetings held with three attendees or more, so none of the three shows anything of two
 * people. Every number is computed by hand in the comments.
 */
class SmallMeetingsStayOutOfFiguresTest extends QueryServiceTest {

    private static final LocalDate FEB_2 = LocalDate.parse("2026-02-02");
    private static final LocalDate MAR_2 = LocalDate.parse("2026-03-02");
    private static final String AS_OF = "?asOf=2026-04-01";

    /**
     * F3. P1..P4; S1 on 02-02, all four: one question each, P1 presents; P1's action completed 02-16 (due 02-20).
     * P3 and P4 leave. S2 on 03-02, P1 and P2 only: P1 5 questions, P2 2 statements and presents; P2's action open.
     * The sponsor sees S1 alone: 1 meeting, 1 challenge, 4 questions, 0 statements, 1 action completed, gini 0.
     */
    @Test
    void aSetThatShrinksToTwoShowsNothingOfTheTwo() {
        ProgrammeRows rows = new ProgrammeRows(db, "Shrinking");
        List<UUID> people = people(4);
        UUID set = rows.set("Shrinking set", people);
        UUID s1 = rows.meeting(set, FEB_2, people);
        people.forEach(p -> rows.participation(s1, set, p, 1, 0, 0, 0, p.equals(people.get(0)) ? 1 : 0));
        UUID shown = rows.action(set, s1, people.get(0), FEB_2, LocalDate.parse("2026-02-20"), "COMPLETED",
                LocalDate.parse("2026-02-16"));
        rows.leave(set, people.get(2));
        rows.leave(set, people.get(3));
        UUID s2 = rows.meeting(set, MAR_2, people.subList(0, 2));
        rows.participation(s2, set, people.get(0), 5, 2, 0, 0, 0);
        rows.participation(s2, set, people.get(1), 0, 0, 2, 1, 1);
        rows.action(set, s2, people.get(1), MAR_2, LocalDate.parse("2026-03-20"), "OPEN", null);
        HttpJson sponsor = sponsorOf(rows);

        JsonNode dashboard = getOk(sponsor, "/api/programmes/" + rows.programme + "/dashboard" + AS_OF);
        assertCounts(dashboard.get("counts"), 1, 1, 4, 0);
        assertInt(dashboard.get("counts"), "members", 2);
        JsonNode followThrough = dashboard.get("followThrough");
        assertInt(followThrough, "committed", 1);
        assertInt(followThrough, "completed", 1);
        assertInt(followThrough, "open", 0);
        assertNumber(followThrough, "completionRate", 1.0);
        assertInt(dashboard.get("participation"), "meetings", 1);
        assertNumber(dashboard.get("participation"), "meanGini", 0.0);
        JsonNode row = getOk(sponsor, "/api/programmes/" + rows.programme + "/sets" + AS_OF).get(0);
        assertInt(row, "meetingsHeld", 1);
        assertInt(row, "actionsCommitted", 1);
        assertNumber(row, "completionRate", 1.0);
        assertThat(getOk(sponsor, "/api/programmes/" + rows.programme + "/actions" + AS_OF)
                .findValuesAsText("actionId")).containsExactly(shown.toString());
        assertThat(dashboard.get("withheld").get(0).get("reason").asText())
                .startsWith("meetings held with fewer than 3 attendees are left out of every figure");
    }

    /**
     * F4. P1, P2; T1 on 02-02, both: P1 3 questions, P2 presents; P1's action completed 02-20 (due 02-28). P3 joins.
     * T2 on 03-02, all three: one question each, P3 also a statement (contributions 1, 1, 2); P3's action due 03-20,
     * open. The sponsor sees T2 alone: 1 meeting, 0 challenges, 3 questions, 1 statement; 1 action, open and
     * overdue on 04-01, completion rate 0; gini of 1, 1, 2 = (4 ordered pairs × 1) / (2 × 3² × 4/3) = 4 / 24 = 1/6.
     */
    @Test
    void aPairThatAThirdPersonJoinsDoesNotBringItsPastAsAPair() {
        ProgrammeRows rows = new ProgrammeRows(db, "Growing");
        List<UUID> people = people(3);
        UUID set = rows.set("Growing set", people);
        UUID t1 = rows.meeting(set, FEB_2, people.subList(0, 2));
        rows.participation(t1, set, people.get(0), 3, 1, 0, 0, 0);
        rows.participation(t1, set, people.get(1), 0, 0, 0, 0, 1);
        rows.action(set, t1, people.get(0), FEB_2, LocalDate.parse("2026-02-28"), "COMPLETED",
                LocalDate.parse("2026-02-20"));
        UUID t2 = rows.meeting(set, MAR_2, people);
        rows.participation(t2, set, people.get(0), 1, 0, 0, 0, 0);
        rows.participation(t2, set, people.get(1), 1, 0, 0, 0, 0);
        rows.participation(t2, set, people.get(2), 1, 0, 1, 0, 0);
        UUID shown = rows.action(set, t2, people.get(2), MAR_2, LocalDate.parse("2026-03-20"), "OPEN", null);
        HttpJson sponsor = sponsorOf(rows);

        JsonNode dashboard = getOk(sponsor, "/api/programmes/" + rows.programme + "/dashboard" + AS_OF);
        assertCounts(dashboard.get("counts"), 1, 0, 3, 1);
        JsonNode followThrough = dashboard.get("followThrough");
        assertInt(followThrough, "committed", 1);
        assertInt(followThrough, "completed", 0);
        assertInt(followThrough, "open", 1);
        assertInt(followThrough, "overdue", 1);
        assertNumber(followThrough, "completionRate", 0.0);
        assertNumber(dashboard.get("participation"), "meanGini", 1.0 / 6);
        JsonNode row = getOk(sponsor, "/api/programmes/" + rows.programme + "/sets" + AS_OF).get(0);
        assertInt(row, "meetingsHeld", 1);
        assertNumber(row, "meanGini", 1.0 / 6);
        assertInt(row, "actionsCommitted", 1);
        assertNumber(row, "completionRate", 0.0);
        assertThat(getOk(sponsor, "/api/programmes/" + rows.programme + "/actions" + AS_OF)
                .findValuesAsText("actionId")).containsExactly(shown.toString());
    }

    /**
     * F5. A set of four; F1 on 02-02, all four: one question each; P1's action completed 02-16. Then F2 on 03-02, P1
     * and P2 only: P1 2 questions, P2 a statement and presents; P2's action abandoned 03-05. Every figure the
     * sponsor reads is the same before and after F2: 1 meeting, 0 challenges, 4 questions, 0 statements, 1 action.
     */
    @Test
    void aMeetingOfTwoMovesNoFigure() {
        ProgrammeRows rows = new ProgrammeRows(db, "Meeting of two");
        List<UUID> people = people(4);
        UUID set = rows.set("Set of four", people);
        UUID f1 = rows.meeting(set, FEB_2, people);
        people.forEach(p -> rows.participation(f1, set, p, 1, 0, 0, 0, 0));
        rows.action(set, f1, people.get(0), FEB_2, LocalDate.parse("2026-02-20"), "COMPLETED",
                LocalDate.parse("2026-02-16"));
        HttpJson sponsor = sponsorOf(rows);
        List<JsonNode> before = figures(sponsor, rows.programme);

        UUID f2 = rows.meeting(set, MAR_2, people.subList(0, 2));
        rows.participation(f2, set, people.get(0), 2, 1, 0, 0, 0);
        rows.participation(f2, set, people.get(1), 0, 0, 1, 0, 1);
        rows.action(set, f2, people.get(1), MAR_2, LocalDate.parse("2026-03-10"), "ABANDONED",
                LocalDate.parse("2026-03-05"));

        List<JsonNode> after = figures(sponsor, rows.programme);
        assertThat(after).isEqualTo(before);
        assertCounts(after.get(0), 1, 0, 4, 0);
        assertInt(after.get(1), "committed", 1);
        assertInt(after.get(1), "completed", 1);
        assertInt(after.get(1), "abandoned", 0);
        assertInt(after.get(3).get(0), "meetingsHeld", 1);
        assertThat(after.get(4)).hasSize(1);
    }

    /** Counts, follow-through, participation, the set rows and the action list. */
    private List<JsonNode> figures(HttpJson sponsor, UUID programme) {
        JsonNode dashboard = getOk(sponsor, "/api/programmes/" + programme + "/dashboard" + AS_OF);
        return List.of(dashboard.get("counts"), dashboard.get("followThrough"), dashboard.get("participation"),
                getOk(sponsor, "/api/programmes/" + programme + "/sets" + AS_OF),
                getOk(sponsor, "/api/programmes/" + programme + "/actions" + AS_OF));
    }

    private static void assertCounts(JsonNode counts, int meetings, int challenges, int questions, int statements) {
        assertInt(counts, "meetingsHeld", meetings);
        assertInt(counts, "challengesPresented", challenges);
        assertInt(counts, "questionsAsked", questions);
        assertInt(counts, "statementsMade", statements);
    }

    private HttpJson sponsorOf(ProgrammeRows rows) {
        return http.withToken(TestTokens.token("sponsor", null, "SPONSOR:" + rows.programme));
    }

    private static List<UUID> people(int count) {
        return java.util.stream.Stream.generate(UUID::randomUUID).limit(count).toList();
    }
}
