package org.actionlearning.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.actionlearning.query.support.QueryServiceTest;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActionsTest extends QueryServiceTest {

    private ProgrammeScenario s;

    @BeforeEach
    void rows() {
        s = ProgrammeScenario.insert(db);
    }

    /**
     * Sponsors and administrators see that actions are followed through, not who owns them or what they say; and
     * not those of Set Beta, which has had 2 people (the fewer-than-3 rule).
     */
    @Test
    void aProgrammesAdministratorSeesTheActionsOfSetsOfThreeOrMoreWithoutOwnerOrDescription() {
        JsonNode actions = getOk("/api/programmes/" + s.programme + "/actions?asOf=2026-04-01");

        assertThat(ids(actions)).containsExactly(id(s.x1), id(s.x2), id(s.x3));
        for (JsonNode action : actions) {
            assertThat(fieldNames(action)).containsExactly("actionId", "setId", "committedOn", "dueOn", "status",
                    "completedOn", "overdue");
        }
    }

    /** What a set commits to stays in the set: a facilitator of Alpha sees Alpha's actions only, in full. */
    @Test
    void aSetsFacilitatorSeesTheSetsActionsOnly() {
        JsonNode actions = getOk(facilitatorOf(s.alpha), "/api/programmes/" + s.programme + "/actions?asOf=2026-04-01");

        assertThat(ids(actions)).containsExactly(id(s.x1), id(s.x2), id(s.x3));
        assertThat(actions.get(0).get("description").asText()).isEqualTo("Map the discharge pathway");
    }

    private HttpJson memberOfBothSets() {
        return http.withToken(TestTokens.token("member", null, "MEMBER:" + s.alpha, "MEMBER:" + s.beta));
    }

    @Test
    void allActionsInOrderOfCommitmentAndDueDate() {
        JsonNode actions = getOk(memberOfBothSets(), "/api/programmes/" + s.programme + "/actions?asOf=2026-04-01");

        assertThat(ids(actions)).containsExactly(id(s.x1), id(s.x5), id(s.x4), id(s.x2), id(s.x3));
        assertThat(fieldNames(actions.get(0))).containsExactly("actionId", "setId", "ownerId", "description",
                "committedOn", "dueOn", "status", "completedOn", "overdue", "ownerErased");
        assertAction(actions.get(0), s.x1, s.alpha, s.ann, "Map the discharge pathway", "2026-02-02", "2026-02-20",
                "COMPLETED", "2026-02-16", false);
        assertAction(actions.get(1), s.x5, s.beta, s.eve, "Book a meeting with finance", "2026-02-10", "2026-03-01",
                "ABANDONED", null, false);
        // due 04-01 is not overdue on 04-01
        assertAction(actions.get(2), s.x4, s.beta, s.eve, "Draft the rota proposal", "2026-02-10", "2026-04-01",
                "OPEN", null, false);
        assertAction(actions.get(3), s.x2, s.alpha, s.ben, "Pilot the morning huddle", "2026-03-02", "2026-03-20",
                "COMPLETED", "2026-03-25", false);
        assertAction(actions.get(4), s.x3, s.alpha, s.dan, "Interview the ward clerks", "2026-03-02", "2026-03-30",
                "OPEN", null, true);
    }

    @Test
    void overdueMeansOpenAndDueBeforeTheAsOfDate() {
        HttpJson member = memberOfBothSets();
        String path = "/api/programmes/" + s.programme + "/actions?status=overdue&asOf=";

        assertThat(ids(getOk(member, path + "2026-03-30"))).isEmpty();                    // X3 is due that day
        assertThat(ids(getOk(member, path + "2026-03-31"))).containsExactly(id(s.x3));
        assertThat(ids(getOk(member, path + "2026-04-01"))).containsExactly(id(s.x3));
        JsonNode later = getOk(member, path + "2026-04-02");
        assertThat(ids(later)).containsExactly(id(s.x4), id(s.x3));
        assertThat(later.findValuesAsText("overdue")).containsExactly("true", "true");
    }

    @Test
    void theStatusFilterIsACommaListMatchingAnyOfItsValues() {
        HttpJson member = memberOfBothSets();
        String path = "/api/programmes/" + s.programme + "/actions?asOf=2026-04-01&status=";

        assertThat(ids(getOk(member, path + "open"))).containsExactly(id(s.x4), id(s.x3));
        assertThat(ids(getOk(member, path + "completed"))).containsExactly(id(s.x1), id(s.x2));
        assertThat(ids(getOk(member, path + "abandoned"))).containsExactly(id(s.x5));
        assertThat(ids(getOk(member, path + "completed,abandoned"))).containsExactly(id(s.x1), id(s.x5), id(s.x2));
        // overdue is a subset of open: listed once
        assertThat(ids(getOk(member, path + "open,overdue"))).containsExactly(id(s.x4), id(s.x3));
        assertThat(ids(getOk(member, path + "overdue,completed"))).containsExactly(id(s.x1), id(s.x2), id(s.x3));
        assertThat(ids(getOk(member, path + "OPEN,%20Completed")))
                .containsExactly(id(s.x1), id(s.x4), id(s.x2), id(s.x3));
        assertThat(ids(getOk(member, path + "open,overdue,completed,abandoned"))).hasSize(5);
    }

    @Test
    void asOfDefaultsToTodayInUtc() {
        HttpJson member = memberOfBothSets();
        JsonNode open = getOk(member, "/api/programmes/" + s.programme + "/actions?status=open");

        // today is 2026-04-05: both open actions are overdue
        assertThat(ids(open)).containsExactly(id(s.x4), id(s.x3));
        assertThat(open.findValuesAsText("overdue")).containsExactly("true", "true");
        assertThat(ids(getOk(member, "/api/programmes/" + s.programme + "/actions?status=overdue")))
                .containsExactly(id(s.x4), id(s.x3));
    }

    @Test
    void aProgrammeWithoutActionsHasAnEmptyList() {
        JsonNode actions = getOk("/api/programmes/" + s.emptyProgramme + "/actions?status=open");

        assertThat(actions.isArray()).isTrue();
        assertThat(actions).isEmpty();
    }

    private static void assertAction(JsonNode action, UUID actionId, UUID setId, UUID ownerId, String description,
                                     String committedOn, String dueOn, String status, String completedOn,
                                     boolean overdue) {
        assertText(action, "actionId", actionId);
        assertText(action, "setId", setId);
        assertText(action, "ownerId", ownerId);
        assertText(action, "description", description);
        assertText(action, "committedOn", committedOn);
        assertText(action, "dueOn", dueOn);
        assertText(action, "status", status);
        if (completedOn == null) {
            assertNull(action, "completedOn");
        } else {
            assertText(action, "completedOn", completedOn);
        }
        assertThat(action.get("overdue").isBoolean()).isTrue();
        assertThat(action.get("overdue").booleanValue()).isEqualTo(overdue);
    }

    private static List<String> ids(JsonNode actions) {
        return actions.findValuesAsText("actionId");
    }

    private static String id(UUID id) {
        return id.toString();
    }
}
