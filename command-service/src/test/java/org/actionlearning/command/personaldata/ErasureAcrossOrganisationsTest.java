package org.actionlearning.command.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.support.Accounts;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.command.support.Scenario;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.HttpJson.Response;
import org.junit.jupiter.api.Test;

/**
 * A person belongs to the organisation whose set they first joined: another organisation's facilitator cannot
 * add them to a set (409 naming personId) or make them a set's facilitator (facilitatorId), so nothing of theirs
 * lands in another organisation and their own organisation can always erase them.
 */
class ErasureAcrossOrganisationsTest extends CommandServiceTest {

    @Test
    void anotherOrganisationCannotTakeInAPersonAndTheirOwnOrganisationErasesThem() {
        String alpha = "Alpha " + UUID.randomUUID();
        String beta = "Beta " + UUID.randomUUID();
        UUID alphaSet = formSetIn(alpha);
        UUID person = new Scenario(http).addMembers(alphaSet, 1).get(0);
        UUID betaProgramme = launchIn(beta);
        UUID betaSet = new Scenario(http).formSet(betaProgramme, "Beta set");
        HttpJson betaFacilitator = new Accounts(http).create("beta-facilitator", List.of("FACILITATOR:" + betaSet));
        HttpJson betaAdmin = new Accounts(http).create("beta-admin", List.of("ADMIN:" + beta));
        HttpJson alphaAdmin = new Accounts(http).create("alpha-admin", List.of("ADMIN:" + alpha));
        long before = storedEvents();

        Response added = betaFacilitator.post("/api/sets/" + betaSet + "/members",
                Map.of("displayName", "Taken in", "personId", person));
        Response facilitating = betaAdmin.post("/api/sets", Map.of("programmeId", betaProgramme, "name", "Theirs",
                "facilitatorName", "Taken in", "facilitatorId", person));

        assertThat(added.status()).as(added.raw()).isEqualTo(409);
        assertThat(added.body().path("errors").get(0).path("field").asText()).isEqualTo("personId");
        assertThat(facilitating.status()).as(facilitating.raw()).isEqualTo(409);
        assertThat(facilitating.body().path("errors").get(0).path("field").asText()).isEqualTo("facilitatorId");
        assertThat(storedEvents()).isEqualTo(before);

        Response erasedByBeta = betaAdmin.delete("/api/people/" + person);
        Response erased = alphaAdmin.delete("/api/people/" + person);

        Response unknown = betaAdmin.delete("/api/people/" + UUID.randomUUID());
        assertThat(erasedByBeta.status()).as("answered as an unknown id: " + erasedByBeta.raw()).isEqualTo(404);
        assertThat(erasedByBeta.body().path("title")).isEqualTo(unknown.body().path("title"));
        assertThat(erased.status()).as(erased.raw()).isEqualTo(204);
    }

    @Test
    void aPersonJoinsMoreSetsOfTheirOwnOrganisation() {
        String gamma = "Gamma " + UUID.randomUUID();
        UUID first = formSetIn(gamma);
        UUID person = new Scenario(http).addMembers(first, 1).get(0);
        UUID second = formSetIn(gamma);

        Response added = http.post("/api/sets/" + second + "/members", Map.of("displayName", "Again",
                "personId", person));

        assertThat(added.status()).as(added.raw()).isEqualTo(201);
    }

    private UUID formSetIn(String organisation) {
        return new Scenario(http).formSet(launchIn(organisation), "Set");
    }

    private UUID launchIn(String organisation) {
        return Scenario.created(http.post("/api/programmes", Map.of("organisation", organisation, "name", "P",
                "sponsor", "S", "startsOn", "2026-01-05", "currency", "GBP")), "programmeId");
    }
}
