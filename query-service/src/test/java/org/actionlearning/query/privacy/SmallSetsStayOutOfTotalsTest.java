package org.actionlearning.query.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.query.support.QueryServiceTest;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fewer-than-3 rule cannot be undone by subtraction. A programme of a set of four and a set of two: before the
 * rule was applied to totals, the programme's figures minus the four-set's row gave the two-set's figures exactly
 * (5 − 2 = 3 actions committed, 3 − 1 = 2 completed, its gini 2 × 0.25 − 0 = 0.5), and the sponsor's action list
 * showed the two-set's actions by set id.
 *
 * <pre>
 * Set Four: P1..P4. F1 opened 02-02, all four attend, one question each: gini 0.
 *           Actions: one completed (02-02 → due 02-20, done 02-16), one open (due 03-30).
 * Set Two:  P5, P6. T1 opened 02-10, both attend: P5 3 questions, P6 presented: contributions 3, 0, gini 0.5.
 *           Actions: two completed, one abandoned.
 * </pre>
 */
class SmallSetsStayOutOfTotalsTest extends QueryServiceTest {

    private static final LocalDate FEB_2 = LocalDate.parse("2026-02-02");
    private static final LocalDate FEB_10 = LocalDate.parse("2026-02-10");

    private ProgrammeRows rows;
    private UUID four;
    private UUID two;
    private List<UUID> fourPeople;
    private UUID fourCompleted;
    private UUID fourOpen;
    private HttpJson sponsor;

    @BeforeEach
    void programmeOfAFourAndATwo() {
        rows = new ProgrammeRows(db, "Four and two");
        fourPeople = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<UUID> twoPeople = List.of(UUID.randomUUID(), UUID.randomUUID());
        four = rows.set("Set Four", fourPeople);
        two = rows.set("Set Two", twoPeople);

        UUID f1 = rows.meeting(four, FEB_2, fourPeople);
        fourPeople.forEach(person -> rows.participation(f1, four, person, 1, 0, 0, 0, 0));
        fourCompleted = rows.action(four, f1, fourPeople.get(0), FEB_2, LocalDate.parse("2026-02-20"), "COMPLETED",
                LocalDate.parse("2026-02-16"));
        fourOpen = rows.action(four, f1, fourPeople.get(1), FEB_2, LocalDate.parse("2026-03-30"), "OPEN", null);

        UUID t1 = rows.meeting(two, FEB_10, twoPeople);
        rows.participation(t1, two, twoPeople.get(0), 3, 0, 0, 0, 0);
        rows.participation(t1, two, twoPeople.get(1), 0, 0, 0, 0, 1);
        rows.action(two, t1, twoPeople.get(0), FEB_10, LocalDate.parse("2026-02-28"), "COMPLETED",
                LocalDate.parse("2026-02-20"));
        rows.action(two, t1, twoPeople.get(1), FEB_10, LocalDate.parse("2026-03-01"), "COMPLETED",
                LocalDate.parse("2026-02-25"));
        rows.action(two, t1, twoPeople.get(1), FEB_10, LocalDate.parse("2026-03-10"), "ABANDONED",
                LocalDate.parse("2026-02-26"));

        sponsor = http.withToken(TestTokens.token("sponsor", null, "SPONSOR:" + rows.programme));
    }

    @Test
    void theProgrammesTotalsAreTheFourSetsRowSoSubtractingItLeavesNothing() {
        JsonNode dashboard = getOk(sponsor, "/api/programmes/" + rows.programme + "/dashboard?asOf=2026-04-01");
        JsonNode fourRow = getOk(sponsor, "/api/programmes/" + rows.programme + "/sets?asOf=2026-04-01").get(0);
        assertText(fourRow, "name", "Set Four");

        JsonNode followThrough = dashboard.get("followThrough");
        assertInt(followThrough, "committed", 2);             // the two-set's three actions are in no total
        assertInt(followThrough, "completed", 1);
        assertInt(followThrough, "abandoned", 0);
        assertNumber(followThrough, "completionRate", 0.5);
        assertInt(fourRow, "actionsCommitted", 2);
        assertNumber(fourRow, "completionRate", 0.5);

        JsonNode participation = dashboard.get("participation");
        assertInt(participation, "meetings", 1);              // T1 is the two-set's
        assertNumber(participation, "meanGini", 0.0);
        assertNumber(fourRow, "meanGini", 0.0);

        JsonNode counts = dashboard.get("counts");
        assertInt(counts, "sets", 2);
        assertInt(counts, "meetingsHeld", 1);
        assertInt(counts, "questionsAsked", 4);               // not 4 + 3
        assertInt(counts, "challengesPresented", 0);          // P6 presented in the two-set
        assertThat(dashboard.get("withheld")).extracting(w -> w.get("section").asText())
                .containsExactly("meetings");
        assertThat(dashboard.get("withheld").get(0).get("reason").asText())
                .startsWith("meetings held with fewer than 3 attendees are left out of every figure");
    }

    @Test
    void theSponsorsActionListLeavesTheSmallSetOut() {
        JsonNode actions = getOk(sponsor, "/api/programmes/" + rows.programme + "/actions?asOf=2026-04-01");

        assertThat(actions.findValuesAsText("actionId"))
                .containsExactlyInAnyOrder(fourCompleted.toString(), fourOpen.toString());
        assertThat(actions.findValuesAsText("setId")).containsOnly(four.toString());
    }

    @Test
    void theSmallSetsOwnPeopleStillSeeTheirActionsInFull() {
        HttpJson member = http.withToken(TestTokens.token("member", null, "MEMBER:" + two));
        JsonNode actions = getOk(member, "/api/programmes/" + rows.programme + "/actions");

        assertThat(actions).hasSize(3);
        assertThat(actions.findValuesAsText("description")).containsOnly("An action");
    }

    /** A programme of two people: the dashboard withholds follow-through, and the action list shows nothing either. */
    @Test
    void aProgrammeOfTwoPeopleListsNoActionToItsSponsor() {
        ProgrammeRows small = new ProgrammeRows(db, "Two people");
        List<UUID> people = List.of(UUID.randomUUID(), UUID.randomUUID());
        UUID set = small.set("Pair", people);
        UUID meeting = small.meeting(set, FEB_2, people);
        small.action(set, meeting, people.get(0), FEB_2, LocalDate.parse("2026-02-20"), "OPEN", null);
        HttpJson itsSponsor = http.withToken(TestTokens.token("sponsor", null, "SPONSOR:" + small.programme));

        JsonNode dashboard = getOk(itsSponsor, "/api/programmes/" + small.programme + "/dashboard");
        assertThat(dashboard.get("followThrough").isNull()).isTrue();
        assertThat(dashboard.get("participation").isNull()).isTrue();
        assertInt(dashboard.get("counts"), "meetingsHeld", 0);
        assertThat(getOk(itsSponsor, "/api/programmes/" + small.programme + "/actions")).isEmpty();
    }

    /** The dashboard page says what it leaves out, and its tiles show the figures of the four-set only. */
    @Test
    void theDashboardPageSaysASetWasLeftOut() {
        HttpJson.Response page = sponsor.send("GET", "/programmes/" + rows.programme + "?asOf=2026-04-01", null,
                Map.of("Accept", "text/html"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("Withheld to protect confidentiality",
                "Not counted on this page: meetings held with fewer than 3 attendees")
                .doesNotContain("Follow-through and participation balance cover fewer than 3 people");
    }

    /** A meeting two people attended is about them: out of every figure even in a set of four (F5). */
    @Test
    void aMeetingOfTwoAttendeesIsLeftOutOfTheParticipationFigures() {
        UUID f2 = rows.meeting(four, LocalDate.parse("2026-03-02"), fourPeople.subList(0, 2));
        rows.participation(f2, four, fourPeople.get(0), 3, 0, 0, 0, 0);   // contributions 3, 0: gini 0.5

        JsonNode fourRow = getOk(sponsor, "/api/programmes/" + rows.programme + "/sets?asOf=2026-04-01").get(0);
        JsonNode participation = getOk(sponsor, "/api/programmes/" + rows.programme + "/dashboard?asOf=2026-04-01")
                .get("participation");

        assertInt(fourRow, "meetingsHeld", 1);
        assertNumber(fourRow, "meanGini", 0.0);
        assertInt(participation, "meetings", 1);
        assertNumber(participation, "meanGini", 0.0);
    }
}
