package org.actionlearning.query.web;

import static org.actionlearning.query.jooq.Tables.PROGRAMME;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.query.support.QueryServiceTest;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.Test;

/**
 * Holes an attack on the running platform found in the query service: a direct {@code /error} (a 500 with a body
 * that was no problem), and the users page offering the operators' scope {@code *} as an organisation when a
 * programme was launched under that name.
 */
class AttackFindingsPagesTest extends QueryServiceTest {

    @Test
    void aDirectErrorPathIsA404Problem() {
        for (HttpJson client : List.of(http, http.anonymous())) {
            HttpJson.Response error = client.get("/error");

            assertThat(error.status()).as(error.raw()).isEqualTo(404);
            assertThat(error.contentType()).startsWith("application/problem+json");
            assertThat(error.body().path("status").asInt()).isEqualTo(404);
        }
    }

    @Test
    void theUsersPageNeverOffersTheOperatorsScopeAsAnOrganisation() {
        db.insertInto(PROGRAMME).set(PROGRAMME.PROGRAMME_ID, UUID.randomUUID()).set(PROGRAMME.ORGANISATION, "*")
                .set(PROGRAMME.NAME, "Star").set(PROGRAMME.SPONSOR, "S")
                .set(PROGRAMME.STARTS_ON, LocalDate.parse("2026-01-05")).set(PROGRAMME.CURRENCY, "GBP").execute();

        HttpJson.Response page = http.send("GET", "/admin/users", null, Map.of("Accept", "text/html"));

        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        assertThat(page.raw()).doesNotContain("ADMIN:*").doesNotContain("Administrator of *");
    }
}
