package org.actionlearning.query.web;

import static org.actionlearning.query.jooq.Tables.ACTION_ITEM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.actionlearning.query.support.QueryServiceTest;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A member's own actions and participation (theirs alone) and a set's due actions (its facilitator's), on the
 * programme of {@link ProgrammeScenario} with two more actions of Eve's; today is 2026-04-05.
 */
class MemberQueriesTest extends QueryServiceTest {

    private ProgrammeScenario s;
    private final UUID dueInSevenDays = UUID.randomUUID();
    private final UUID dueInEightDays = UUID.randomUUID();

    @BeforeEach
    void rows() {
        s = ProgrammeScenario.insert(db);
        action(dueInSevenDays, "Share the rota with the ward", "2026-04-12");
        action(dueInEightDays, "Ask finance again", "2026-04-13");
    }

    /**
     * Eve's actions: the open ones by due date (X4 due 04-01: overdue; due 04-12 = today + 7: due soon; 04-13: no
     * reminder), then the closed X5.
     */
    @Test
    void aMembersActionsCarryTheirReminders() {
        JsonNode actions = getOk(as(s.eve, "MEMBER:" + s.beta), "/api/people/" + s.eve + "/actions");

        assertThat(ids(actions)).containsExactly(s.x4.toString(), dueInSevenDays.toString(),
                dueInEightDays.toString(), s.x5.toString());
        assertText(actions.get(0), "reminder", "OVERDUE");
        assertText(actions.get(0), "description", "Draft the rota proposal");
        assertText(actions.get(0), "setName", "Set Beta");
        assertText(actions.get(1), "reminder", "DUE_SOON");
        assertNull(actions.get(2), "reminder");
        assertText(actions.get(3), "status", "ABANDONED");
        assertNull(actions.get(3), "reminder");
    }

    /**
     * Ann attended M1 (02-02, Alpha, 3 attendees: she said nothing, presented; everyone 4), M4 (02-10, Beta, 2: her 2
     * statements of 2), M2 (03-02, Alpha, 4: her 2 questions, 1 open, of everyone's 6) and M5 (03-10, Beta, 2:
     * nobody spoke). Talk shares 0, 1, 1/3, none; over all 4 / 12 = 1/3. Even shares 1/3, 1/2, 1/4, 1/2: mean
     * 19/48. Questions 2, open 1: ratio 1/2. Presented 1.
     */
    @Test
    void aMembersParticipationComputedByHand() {
        JsonNode p = getOk(as(s.ann, "MEMBER:" + s.alpha, "MEMBER:" + s.beta), "/api/people/" + s.ann
                + "/participation");

        assertInt(p, "meetings", 4);
        assertInt(p, "contributions", 4);
        assertNumber(p, "talkShare", 1.0 / 3);
        assertNumber(p, "evenShare", 19.0 / 48);
        assertInt(p, "questions", 2);
        assertInt(p, "openQuestions", 1);
        assertNumber(p, "openQuestionRatio", 0.5);
        assertInt(p, "presented", 1);

        JsonNode meetings = p.get("byMeeting");
        assertThat(meetings.findValues("openedOn").stream().map(JsonNode::asText).toList())
                .containsExactly("2026-02-02", "2026-02-10", "2026-03-02", "2026-03-10");
        JsonNode m1 = meetings.get(0);
        assertInt(m1, "contributions", 0);
        assertInt(m1, "meetingContributions", 4);
        assertNumber(m1, "talkShare", 0);
        assertNumber(m1, "evenShare", 1.0 / 3);
        assertNull(m1, "openQuestionRatio");
        assertInt(m1, "presented", 1);
        assertText(m1, "setName", "Set Alpha");
        assertNumber(meetings.get(1), "talkShare", 1);
        JsonNode m2 = meetings.get(2);
        assertInt(m2, "meetingContributions", 6);
        assertNumber(m2, "talkShare", 1.0 / 3);
        assertNumber(m2, "evenShare", 0.25);
        assertNumber(m2, "openQuestionRatio", 0.5);
        assertNull(meetings.get(3), "talkShare");
        assertNumber(meetings.get(3), "evenShare", 0.5);
    }

    /** Nobody but the person: not a colleague, the facilitator, the sponsor or an operator of the platform. */
    @Test
    void aMembersOwnFiguresAreForThemAlone() {
        List<HttpJson> others = List.of(as(s.eve, "MEMBER:" + s.alpha, "MEMBER:" + s.beta),
                http.withToken(TestTokens.token("facilitator", null, "FACILITATOR:" + s.alpha,
                        "FACILITATOR:" + s.beta)),
                http.withToken(TestTokens.token("sponsor", null, "SPONSOR:" + s.programme)),
                http.withToken(TestTokens.token("org-admin", null, "ADMIN:Northwind Health")),
                http);
        for (String view : List.of("actions", "participation")) {
            String path = "/api/people/" + s.ann + "/" + view;
            for (HttpJson other : others) {
                HttpJson.Response response = other.get(path);
                assertThat(response.status()).as(path + " " + response.raw()).isEqualTo(403);
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
            assertThat(http.anonymous().get(path).status()).isEqualTo(401);
        }
    }

    /** Beta's open actions overdue or due within 7 days: X4 (04-01) and the one due 04-12, by due date. */
    @Test
    void aSetsFacilitatorSeesItsDueActions() {
        JsonNode due = getOk(facilitatorOf(s.beta), "/api/sets/" + s.beta + "/due-actions");

        assertThat(ids(due)).containsExactly(s.x4.toString(), dueInSevenDays.toString());
        assertText(due.get(0), "ownerName", "Eve");
        assertText(due.get(0), "reminder", "OVERDUE");
        assertText(due.get(1), "description", "Share the rota with the ward");
        assertText(due.get(1), "reminder", "DUE_SOON");

        for (HttpJson other : List.of(as(s.eve, "MEMBER:" + s.beta), facilitatorOf(s.alpha), http)) {
            assertThat(other.get("/api/sets/" + s.beta + "/due-actions").status()).isEqualTo(403);
        }
        assertThat(facilitatorOf(s.beta).get("/api/sets/" + UUID.randomUUID() + "/due-actions").status())
                .isEqualTo(404);
    }

    private HttpJson as(UUID personId, String... grants) {
        return http.withToken(TestTokens.token("person-" + personId, personId, grants));
    }

    private static List<String> ids(JsonNode array) {
        return array.findValues("actionId").stream().map(JsonNode::asText).toList();
    }

    private void action(UUID actionId, String description, String dueOn) {
        db.insertInto(ACTION_ITEM)
                .set(ACTION_ITEM.ACTION_ID, actionId)
                .set(ACTION_ITEM.PROGRAMME_ID, s.programme)
                .set(ACTION_ITEM.SET_ID, s.beta)
                .set(ACTION_ITEM.MEETING_ID, s.m5)
                .set(ACTION_ITEM.CHALLENGE_ID, UUID.randomUUID())
                .set(ACTION_ITEM.OWNER_ID, s.eve)
                .set(ACTION_ITEM.DESCRIPTION, description)
                .set(ACTION_ITEM.COMMITTED_ON, LocalDate.parse("2026-03-10"))
                .set(ACTION_ITEM.DUE_ON, LocalDate.parse(dueOn))
                .set(ACTION_ITEM.STATUS, "OPEN")
                .execute();
    }
}
