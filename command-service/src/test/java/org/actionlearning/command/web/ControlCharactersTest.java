package org.actionlearning.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.command.support.Scenario;
import org.actionlearning.testsupport.HttpJson.Response;
import org.junit.jupiter.api.Test;

/**
 * Text in a request is plain text: control characters (a NUL, an escape sequence for a terminal, a right-to-left
 * override that makes a name read backwards on a page) are refused with a 400 naming the field, and nothing is
 * stored; tabs, line breaks and any other character of any script are kept, save tabs and line breaks in a name.
 */
class ControlCharactersTest extends CommandServiceTest {

    @Test
    void controlCharactersAreRefusedNamingTheFieldAndNothingIsStored() {
        Scenario scenario = new Scenario(http);
        UUID setId = scenario.formSet(scenario.launchProgramme("Plain text"), "Set");
        long before = storedEvents();

        for (String text : List.of("Null\u0000byte", "Escape\u001b[31mred", "Delete\u007f", "C1\u0085",
                "Reversed \u202egnp.exe", "Isolate\u2066x\u2069")) {
            Response added = http.post("/api/sets/" + setId + "/members", Map.of("displayName", text));

            assertThat(added.status()).as(text + ": " + added.raw()).isEqualTo(400);
            assertThat(added.contentType()).startsWith("application/problem+json");
            assertThat(added.body().path("errors").get(0).path("field").asText()).isEqualTo("displayName");
        }
        // half of a surrogate pair, escaped in the JSON (a client's UTF-8 encoder could not even send it raw)
        Response lone = http.send("POST", "/api/sets/" + setId + "/members",
                "{\"displayName\": \"Lone \\ud800 surrogate\"}", Map.of());
        assertThat(lone.status()).as(lone.raw()).isEqualTo(400);
        assertThat(lone.body().path("errors").get(0).path("field").asText()).isEqualTo("displayName");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aNameIsOneLine() {
        Scenario scenario = new Scenario(http);
        UUID programme = scenario.launchProgramme("One line");
        UUID setId = scenario.formSet(programme, "Set");
        long before = storedEvents();

        for (String name : List.of("\t=1+1", "Tab\tinside", "Line\nbreak", "Carriage\rreturn")) {
            Response member = http.post("/api/sets/" + setId + "/members", Map.of("displayName", name));
            Response set = http.post("/api/sets", Map.of("programmeId", programme, "name", name,
                    "facilitatorName", "Fay"));
            Response facilitator = http.post("/api/sets", Map.of("programmeId", programme, "name", "Named",
                    "facilitatorName", name));

            assertThat(member.status()).as(name + ": " + member.raw()).isEqualTo(400);
            assertThat(member.body().path("errors").get(0).path("field").asText()).isEqualTo("displayName");
            assertThat(set.body().path("errors").get(0).path("field").asText()).isEqualTo("name");
            assertThat(facilitator.body().path("errors").get(0).path("field").asText()).isEqualTo("facilitatorName");
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void linesAndTabsInTextsAndEveryScriptAreKept() {
        Scenario scenario = new Scenario(http);
        UUID setId = scenario.formSet(scenario.launchProgramme("Any script"), "Set");
        UUID member = Scenario.created(http.post("/api/sets/" + setId + "/members",
                Map.of("displayName", "Zoë Ørsted علي 李 🙂")), "personId");
        UUID meetingId = scenario.scheduleMeeting(setId, "2026-02-02");
        scenario.openMeeting(setId, meetingId, List.of(member));

        Response presented = http.post(Scenario.meeting(setId, meetingId) + "/challenges", Map.of(
                "presenterId", member, "title", "Rotas", "summary", "First:\tshifts\r\nthen 李 🙂"));

        assertThat(presented.status()).as(presented.raw()).isEqualTo(201);
    }
}
