package org.actionlearning.query.privacy;

import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
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
 * A facilitator's name is personal data (the events seal it, erasure removes it): the list of programmes shows it to
 * the set's own people only, not to the programme's sponsor or its organisation's administrators.
 */
class FacilitatorNameTest extends QueryServiceTest {

    private static final String NAME = "Fenella Facilitatorova";

    private ProgrammeRows rows;
    private UUID set;

    @BeforeEach
    void aSetWithAFacilitator() {
        rows = new ProgrammeRows(db, "Named facilitator");
        set = rows.set("Set Named", List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
        db.update(LEARNING_SET).set(LEARNING_SET.FACILITATOR_NAME, NAME).where(LEARNING_SET.SET_ID.eq(set)).execute();
    }

    @Test
    void theSponsorSeesTheSetButNotWhoFacilitatesIt() {
        String page = page(http.withToken(TestTokens.token("sponsor", null, "SPONSOR:" + rows.programme)));

        assertThat(page).contains("Set Named").doesNotContain(NAME).contains("for the set's people only");
    }

    @Test
    void theOrganisationsAdministratorDoesNotSeeItEither() {
        assertThat(page(http.withToken(TestTokens.token("admin", null, "ADMIN:Northwind Health"))))
                .contains("Set Named").doesNotContain(NAME);
    }

    @Test
    void theSetsOwnPeopleSeeIt() {
        assertThat(page(http.withToken(TestTokens.token("member", null, "MEMBER:" + set)))).contains(NAME);
    }

    private static String page(HttpJson client) {
        HttpJson.Response response = client.send("GET", "/", null, Map.of("Accept", "text/html"));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.raw();
    }
}
