package org.actionlearning.command.access;

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
 * A refusal says which grant would do, not whose things the ids are: another organisation's administrator learns
 * neither the organisation nor the set of an id from a 403, and granting a role on another organisation's set is
 * answered like granting one on a set that does not exist.
 */
class RefusalsNameNothingTest extends CommandServiceTest {

    @Test
    void aRefusalNamesNeitherTheOrganisationNorTheSet() {
        String owner = "Owner " + UUID.randomUUID();
        UUID programmeId = Scenario.created(http.post("/api/programmes", Map.of("organisation", owner, "name", "P",
                "sponsor", "S", "startsOn", "2026-01-05", "currency", "GBP")), "programmeId");
        UUID setId = new Scenario(http).formSet(programmeId, "Owned set");
        HttpJson stranger = new Accounts(http).create("stranger", List.of("ADMIN:Stranger " + UUID.randomUUID()));

        Response cost = stranger.post("/api/programmes/" + programmeId + "/costs", Map.of("category", "VENUE",
                "amount", 1, "incurredOn", "2026-03-01"));
        Response meeting = stranger.post("/api/sets/" + setId + "/meetings", Map.of("scheduledFor", "2026-03-02"));
        Response foreignGrant = stranger.post("/api/users", Map.of("username", "g-" + UUID.randomUUID()
                .toString().substring(0, 8), "password", Accounts.PASSWORD, "grants", List.of("FACILITATOR:" + setId)));
        UUID nowhere = UUID.randomUUID();
        Response unknownGrant = stranger.post("/api/users", Map.of("username", "g-" + UUID.randomUUID()
                .toString().substring(0, 8), "password", Accounts.PASSWORD, "grants", List.of("FACILITATOR:" + nowhere)));

        assertThat(List.of(cost, meeting, foreignGrant)).allSatisfy(r -> {
            assertThat(r.status()).as(r.raw()).isEqualTo(403);
            assertThat(r.body().path("detail").asText()).doesNotContain(owner)
                    .doesNotContain(programmeId.toString());
        });
        assertThat(meeting.body().path("detail").asText()).doesNotContain(setId.toString());
        assertThat(unknownGrant.status()).isEqualTo(403);
        assertThat(unknownGrant.body().path("detail").asText()).isEqualTo(foreignGrant.body().path("detail")
                .asText().replace(setId.toString(), nowhere.toString()));
    }
}
