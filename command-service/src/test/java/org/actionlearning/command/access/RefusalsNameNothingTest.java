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
 * A refusal says which grant would do, not whose things the ids are: another organisation's administrator is told
 * of another organisation's programme or set exactly what an unknown id tells (404, word for word but the id), a
 * sponsor of the organisation is refused (403) naming the grant that would do, and granting a role on another
 * organisation's set is answered like granting one on a set that does not exist.
 */
class RefusalsNameNothingTest extends CommandServiceTest {

    @Test
    void aRefusalNamesNeitherTheOrganisationNorTheSet() {
        String owner = "Owner " + UUID.randomUUID();
        UUID programmeId = Scenario.created(http.post("/api/programmes", Map.of("organisation", owner, "name", "P",
                "sponsor", "S", "startsOn", "2026-01-05", "currency", "GBP")), "programmeId");
        UUID setId = new Scenario(http).formSet(programmeId, "Owned set");
        HttpJson stranger = new Accounts(http).create("stranger", List.of("ADMIN:Stranger " + UUID.randomUUID()));
        HttpJson sponsor = new Accounts(http).create("own-sponsor", List.of("SPONSOR:" + programmeId));
        Map<String, Object> venue = Map.of("category", "VENUE", "amount", 1, "incurredOn", "2026-03-01");
        Map<String, Object> schedule = Map.of("scheduledFor", "2026-03-02");
        UUID nowhere = UUID.randomUUID();

        Response cost = stranger.post("/api/programmes/" + programmeId + "/costs", venue);
        Response unknownCost = stranger.post("/api/programmes/" + nowhere + "/costs", venue);
        Response meeting = stranger.post("/api/sets/" + setId + "/meetings", schedule);
        Response unknownMeeting = stranger.post("/api/sets/" + nowhere + "/meetings", schedule);
        Response sponsorsCost = sponsor.post("/api/programmes/" + programmeId + "/costs", venue);
        Response foreignGrant = stranger.post("/api/users", Map.of("username", "g-" + UUID.randomUUID()
                .toString().substring(0, 8), "password", Accounts.PASSWORD, "grants", List.of("FACILITATOR:" + setId)));
        Response unknownGrant = stranger.post("/api/users", Map.of("username", "g-" + UUID.randomUUID()
                .toString().substring(0, 8), "password", Accounts.PASSWORD, "grants", List.of("FACILITATOR:" + nowhere)));

        assertThat(List.of(cost, meeting, unknownCost, unknownMeeting)).allSatisfy(r -> {
            assertThat(r.status()).as(r.raw()).isEqualTo(404);
            assertThat(r.body().path("detail").asText()).doesNotContain(owner);
        });
        assertThat(cost.body().path("detail").asText()).isEqualTo(unknownCost.body().path("detail").asText()
                .replace(nowhere.toString(), programmeId.toString()));
        assertThat(meeting.body().path("detail").asText()).isEqualTo(unknownMeeting.body().path("detail").asText()
                .replace(nowhere.toString(), setId.toString()));
        assertThat(sponsorsCost.status()).as(sponsorsCost.raw()).isEqualTo(403);
        assertThat(sponsorsCost.body().path("detail").asText()).contains("needs ADMIN of its organisation")
                .doesNotContain(owner);
        assertThat(foreignGrant.status()).isEqualTo(403);
        assertThat(foreignGrant.body().path("detail").asText()).doesNotContain(owner)
                .doesNotContain(programmeId.toString());
        assertThat(unknownGrant.status()).isEqualTo(403);
        assertThat(unknownGrant.body().path("detail").asText()).isEqualTo(foreignGrant.body().path("detail")
                .asText().replace(setId.toString(), nowhere.toString()));
    }
}
