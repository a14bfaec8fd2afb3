package org.actionlearning.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.command.support.Scenario;
import org.actionlearning.testsupport.HttpJson.Response;
import org.junit.jupiter.api.Test;

/**
 * A body that gives a field twice is refused (400 naming the field) and records nothing: one body must not mean
 * one thing here and another to whoever else reads it, and a one-field body must not fail as a 500.
 */
class RepeatedFieldsTest extends CommandServiceTest {

    @Test
    void aRepeatedFieldIsA400NamingItAndNothingIsStored() {
        Scenario scenario = new Scenario(http);
        UUID programme = scenario.launchProgramme("Repeated");
        UUID setId = scenario.formSet(programme, "Set");
        long before = storedEvents();

        Response oneField = http.send("POST", "/api/sets/" + setId + "/meetings",
                "{\"scheduledFor\":\"2026-07-09\",\"scheduledFor\":\"2026-07-10\"}", Map.of());
        Response twoFields = http.send("POST", "/api/sets/" + setId + "/members",
                "{\"displayName\":\"Ann\",\"joinedOn\":\"2026-01-05\",\"displayName\":\"Bea\"}", Map.of());
        Response nested = http.send("POST", "/api/outcomes", "{\"programmeId\":\"" + programme + "\","
                + "\"name\":\"Delay\",\"unit\":\"hours\",\"direction\":\"DECREASE\",\"period\":\"WEEK\","
                + "\"target\":{\"changePercent\":10,\"withinDays\":90,\"changePercent\":-50}}", Map.of());

        refused(oneField, "scheduledFor");
        refused(twoFields, "displayName");
        refused(nested, "target.changePercent");
        assertThat(storedEvents()).isEqualTo(before);
    }

    private static void refused(Response answer, String field) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().at("/errors/0/field").asText()).isEqualTo(field);
        assertThat(answer.body().at("/errors/0/message").asText()).isEqualTo("is given more than once");
    }
}
