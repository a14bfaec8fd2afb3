package org.actionlearning.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.query.support.QueryServiceTest;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 403 for another organisation's programme, set or metric and a 404 for an unknown id told an outsider which ids
 * exist. Now a caller with no grant in the organisation gets the unknown id's answer, word for word but the id; a
 * caller with a grant in it who lacks the role (the facilitator of one of its sets asking for the programme's
 * aggregates) still gets the 403 naming the grant that would do.
 */
class OtherOrganisationsIdsTest extends QueryServiceTest {

    private ProgrammeScenario s;
    private List<HttpJson> outsiders;

    @BeforeEach
    void programme() {
        s = ProgrammeScenario.insert(db);
        outsiders = List.of(
                http.withToken(TestTokens.token("other-admin", null, "ADMIN:Other Org " + UUID.randomUUID())),
                http.withToken(TestTokens.token("other-sponsor", null, "SPONSOR:" + UUID.randomUUID())),
                http.withToken(TestTokens.token("other-member", null, "MEMBER:" + UUID.randomUUID())));
    }

    @Test
    void anotherOrganisationsIdsAnswerAsUnknownIdsOnTheApi() {
        for (String path : List.of("/api/programmes/{p}/dashboard", "/api/programmes/{p}/sets",
                "/api/programmes/{p}/roi", "/api/programmes/{p}/actions", "/api/programmes/{p}/explain?figure=open",
                "/api/programmes/{p}/changes?from=2026-01-01", "/api/outcomes/{m}", "/api/sets/{s}/fairness",
                "/api/sets/{s}/record", "/api/sets/{s}/safety", "/api/sets/{s}/due-actions",
                "/api/sets/{s}/meetings/open")) {
            UUID unknown = UUID.randomUUID();
            for (HttpJson outsider : outsiders) {
                HttpJson.Response foreign = outsider.get(path(path, s.programme, s.delays, s.alpha));
                HttpJson.Response missing = outsider.get(path(path, unknown, unknown, unknown));
                assertThat(foreign.status()).as("GET %s: %s", path, foreign.raw()).isEqualTo(404);
                assertThat(foreign.contentType()).startsWith("application/problem+json");
                assertThat(missing.status()).as("unknown: GET %s", path).isEqualTo(404);
                assertThat(foreign.body().path("detail").asText()).isEqualTo(missing.body().path("detail").asText()
                        .replace(unknown.toString(), named(path)));
            }
        }
    }

    @Test
    void anotherOrganisationsIdsAnswerAsUnknownIdsOnThePages() {
        for (String path : List.of("/programmes/{p}", "/programmes/{p}/roi", "/programmes/{p}/explain?figure=open",
                "/sets/{s}/fairness", "/sets/{s}/record", "/sets/{s}/console", "/programmes/{p}/outcomes")) {
            UUID unknown = UUID.randomUUID();
            for (HttpJson outsider : outsiders) {
                HttpJson.Response foreign = page(outsider, path(path, s.programme, s.delays, s.alpha));
                HttpJson.Response missing = page(outsider, path(path, unknown, unknown, unknown));
                assertThat(foreign.status()).as("page %s: %s", path, foreign.raw()).isEqualTo(404);
                assertThat(foreign.contentType()).startsWith("text/html");
                assertThat(missing.status()).isEqualTo(404);
                assertThat(main(foreign)).isNotEmpty()
                        .isEqualTo(main(missing).replace(unknown.toString(), named(path)));
            }
        }
        HttpJson otherAdmin = outsiders.get(0);
        assertThat(page(otherAdmin, "/admin/programmes/" + s.programme).status()).isEqualTo(404);
        assertThat(page(otherAdmin, "/admin/sets/" + s.alpha).status()).isEqualTo(404);
    }

    /** Someone of the organisation may know the programme exists: refused with the grant that would do. */
    @Test
    void aCallerOfTheOrganisationWithoutTheRoleGets403() {
        HttpJson.Response asFacilitator = facilitatorOf(s.alpha).get("/api/programmes/" + s.programme + "/sets");
        HttpJson.Response sponsorAtTheSet = http.withToken(TestTokens.token("sponsor", null,
                "SPONSOR:" + s.programme)).get("/api/sets/" + s.alpha + "/fairness");
        HttpJson.Response memberOfBetaAtAlpha = http.withToken(TestTokens.token("eve", s.eve, "MEMBER:" + s.beta))
                .get("/api/sets/" + s.alpha + "/record");

        assertThat(List.of(asFacilitator, sponsorAtTheSet, memberOfBetaAtAlpha))
                .allSatisfy(r -> assertThat(r.status()).as(r.raw()).isEqualTo(403));
        assertThat(asFacilitator.body().path("detail").asText()).contains("SPONSOR of the programme");
    }

    /** The scenario's id that the path names. */
    private String named(String template) {
        return (template.contains("{s}") ? s.alpha : template.contains("{m}") ? s.delays : s.programme).toString();
    }

    private static String path(String template, UUID programme, UUID metric, UUID set) {
        return template.replace("{p}", programme.toString()).replace("{m}", metric.toString())
                .replace("{s}", set.toString());
    }

    /** The page's main part (the header carries a CSRF token of its own). */
    private static String main(HttpJson.Response page) {
        java.util.regex.Matcher main = java.util.regex.Pattern.compile("(?s)<main.*</main>").matcher(page.raw());
        return main.find() ? main.group() : "";
    }

    private static HttpJson.Response page(HttpJson client, String path) {
        return client.send("GET", path, null, Map.of("Accept", "text/html"));
    }
}
