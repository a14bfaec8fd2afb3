package org.actionlearning.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.actionlearning.query.support.QueryServiceTest;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sponsor's per-set breakdown, and the rule that no aggregate over fewer than 3 people reaches them
 * (k-anonymity with k = 3). In {@link ProgrammeScenario}: Alpha has had 4 people (Ann, Ben, Cat, and Dan who
 * left), Beta only 2 (Ann, Eve).
 */
class SetBreakdownTest extends QueryServiceTest {

    private ProgrammeScenario s;
    private HttpJson sponsor;

    @BeforeEach
    void rows() {
        s = ProgrammeScenario.insert(db);
        sponsor = http.withToken(TestTokens.token("sponsor", null, "SPONSOR:" + s.programme));
    }

    @Test
    void aSetOfTwoPeopleIsWithheldFromTheSponsorWithTheReason() {
        JsonNode sets = getOk(sponsor, "/api/programmes/" + s.programme + "/sets?asOf=2026-04-01");

        assertThat(sets).hasSize(2);
        JsonNode beta = sets.get(1);
        assertText(beta, "setId", s.beta);
        assertText(beta, "name", "Set Beta");
        assertThat(fieldNames(beta)).containsExactly("setId", "name", "members", "withheld");
        assertInt(beta, "members", 2);
        assertThat(beta.get("withheld").get("reason").asText()).contains("fewer than 3 people");
    }

    @Test
    void aSetOfThreeOrMorePeopleShowsItsNumbers() {
        JsonNode alpha = getOk(sponsor, "/api/programmes/" + s.programme + "/sets?asOf=2026-04-01").get(0);

        assertText(alpha, "setId", s.alpha);
        assertThat(fieldNames(alpha)).containsExactly("setId", "name", "members", "meetingsHeld", "meanGini",
                "actionsCommitted", "completionRate");
        assertInt(alpha, "members", 3);                 // Dan has left
        assertInt(alpha, "meetingsHeld", 2);            // M3 was never opened
        assertNumber(alpha, "meanGini", (0.5 + 0.25) / 2);
        assertInt(alpha, "actionsCommitted", 3);        // X1, X2, X3
        assertNumber(alpha, "completionRate", 2.0 / 3); // X1 and X2 completed
    }

    @Test
    void theBreakdownIsForSponsorsAndAdministratorsNotForTheSetsPeople() {
        HttpJson.Response asFacilitator = facilitatorOf(s.alpha).get("/api/programmes/" + s.programme + "/sets");
        assertThat(asFacilitator.status()).isEqualTo(403);
        assertThat(asFacilitator.body().get("detail").asText()).contains("SPONSOR of the programme");
    }
}
