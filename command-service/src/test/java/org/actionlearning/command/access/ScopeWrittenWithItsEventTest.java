package org.actionlearning.command.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An aggregate's access scope is written in the transaction that stores its creating event: when the scope cannot
 * be written, the command fails and its event is not stored (never an aggregate that nobody may act on).
 */
class ScopeWrittenWithItsEventTest extends CommandServiceTest {

    /** PostgreSQL refuses the scopes of organisations named "Refused ...", as a failing disk or constraint would. */
    @BeforeEach
    void refuseSomeScopes() {
        jdbc.execute("""
                create or replace function refuse_test_scope() returns trigger language plpgsql as $$
                begin
                    if new.organisation like 'Refused %' then
                        raise exception 'scope refused by the test';
                    end if;
                    return new;
                end $$""");
        jdbc.execute("create trigger refuse_test_scope before insert on access_scope "
                + "for each row execute function refuse_test_scope()");
    }

    @AfterEach
    void acceptScopesAgain() {
        jdbc.execute("drop trigger refuse_test_scope on access_scope");
    }

    @Test
    void aCommandWhoseScopeCannotBeWrittenFailsAndStoresNoEvent() {
        String organisation = "Refused " + UUID.randomUUID();

        HttpJson.Response response = http.post("/api/programmes", Map.of("organisation", organisation,
                "name", "Unscoped", "sponsor", "Sam", "startsOn", "2026-01-05", "currency", "GBP"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body().path("detail").asText()).contains("nothing was recorded");
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where payloadtype like '%ProgrammeLaunched%' "
                + "and position(? in convert_from(payload, 'UTF8')) > 0", Long.class, organisation)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from access_scope where organisation = ?", Long.class,
                organisation)).isZero();
    }
}
