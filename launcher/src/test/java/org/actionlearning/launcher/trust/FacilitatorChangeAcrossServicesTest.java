package org.actionlearning.launcher.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.launcher.BothServices;
import org.actionlearning.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After an administrator changes a set's facilitator, the former facilitator's account (no person, as the demo's
 * facilitators) opens nothing of the set on either service: not with the token it was issued before the change, not
 * with its password, not in the page session it signed in to before. The new facilitator's account, made as the
 * administration page makes it, opens the set at once.
 */
@ExtendWith(TrustServices.class)
class FacilitatorChangeAcrossServicesTest {

    private static final String OPERATOR = TestIdentity.basic(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD);

    @Test
    void theFormerFacilitatorLosesTheSetOnBothServicesAndTheNewOneGainsIt() {
        BothServices services = TrustServices.services();
        Http.Answer adminToken = Http.send(services.commandUrl + "/api/auth/token", "POST", OPERATOR, "", Map.of());
        Organisation org = new Organisation(services, Organisation.read(adminToken.body()).get("access_token")
                .asText(), "Handover");
        Organisation.Account former = org.account(Organisation.Role.FACILITATOR);
        String formerPassword = TestIdentity.basic(former.username(), Organisation.PASSWORD);
        String set = "/api/sets/" + org.setId;
        List<String> reads = List.of(set + "/record", set + "/fairness", set + "/meetings/open", set + "/due-actions");
        List<String> pages = List.of("/sets/" + org.setId + "/record", "/sets/" + org.setId + "/fairness",
                "/sets/" + org.setId + "/console");
        // before: the facilitator reads all of it (once the query side has the set's question)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                query(services, set + "/record", former.bearer()).body().contains("Handover what have you tried?"));
        for (String read : reads) {
            assertThat(query(services, read, former.bearer()).status()).as(read).isEqualTo(200);
        }
        for (String page : pages) {
            assertThat(former.pages().get(page).status()).as(page).isEqualTo(200);
        }

        Http.Answer changed = Http.send(services.commandUrl + set + "/facilitator", "POST", OPERATOR,
                Organisation.write(Map.of("facilitatorName", "Handover Gil",
                        "currentFacilitatorId", org.facilitatorId)), Map.of());
        assertThat(changed.status()).as(changed.brief()).isEqualTo(200);
        UUID gil = UUID.fromString(Organisation.read(changed.body()).get("facilitatorId").asText());

        // the command service: at once, with the old token and with the password. With no grant left in the
        // organisation the former facilitator is a stranger to it: the set answers as unknown (404)
        for (String caller : List.of(former.bearer(), formerPassword)) {
            Http.Answer scheduled = Http.send(services.commandUrl + set + "/meetings", "POST", caller,
                    "{\"scheduledFor\":\"2026-03-02\"}", Map.of());
            assertThat(scheduled.status()).as(scheduled.brief()).isEqualTo(404);
            Http.Answer closed = Http.send(services.commandUrl + set + "/meetings/" + org.meetingId + "/close",
                    "POST", caller, "{}", Map.of());
            assertThat(closed.status()).as(closed.brief()).isEqualTo(404);
        }

        // the query service: from the moment it shows the change
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                Http.send(services.queryUrl + "/admin/sets/" + org.setId, "GET", OPERATOR, null,
                        Map.of("Accept", "text/html")).body().contains(gil.toString()));
        for (String caller : List.of(former.bearer(), formerPassword)) {
            for (String read : reads) {
                Http.Answer answer = query(services, read, caller);
                assertThat(answer.status()).as(read + ": " + answer.brief()).isEqualTo(404);
            }
            assertThat(query(services, "/api/facilitation/mine", caller).status()).isEqualTo(403);
        }
        for (String page : pages) {
            Http.Answer answer = former.pages().get(page);
            assertThat(answer.status()).as(page + ": " + answer.brief()).isEqualTo(404);
        }

        // the new facilitator: an account for the new person with the set's grant, as the administration page makes it
        String username = "handover-gil";
        Http.Answer created = Http.send(services.commandUrl + "/api/users", "POST", OPERATOR, Organisation.write(
                Map.of("username", username, "password", Organisation.PASSWORD, "personId", gil,
                        "grants", List.of("FACILITATOR:" + org.setId))), Map.of());
        assertThat(created.status()).as(created.brief()).isEqualTo(201);
        Http.Answer token = Http.send(services.commandUrl + "/api/auth/token", "POST",
                TestIdentity.basic(username, Organisation.PASSWORD), "", Map.of());
        String bearer = "Bearer " + Organisation.read(token.body()).get("access_token").asText();
        for (String read : reads) {
            assertThat(query(services, read, bearer).status()).as(read).isEqualTo(200);
        }
        Http.Browser browser = new Http.Browser(services.queryUrl, username, Organisation.PASSWORD);
        for (String page : pages) {
            assertThat(browser.get(page).status()).as(page).isEqualTo(200);
        }
        assertThat(Http.send(services.commandUrl + set + "/meetings", "POST", bearer,
                "{\"scheduledFor\":\"2026-03-02\"}", Map.of()).status()).isEqualTo(201);
    }

    private static Http.Answer query(BothServices services, String path, String authorization) {
        return Http.send(services.queryUrl + path, "GET", authorization, null, Map.of("Accept", "application/json"));
    }
}
