package org.actionlearning.command.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.support.Accounts;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.command.support.Scenario;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.Test;

/**
 * An account's contact address (given by an administrator, for set-password links) and the member's own address
 * for reminders are two things: the administrator's is no opt-in to reminders, and no administrator sees the
 * member's. Every address is checked by one rule, a 400 naming the field where it fails.
 */
class ContactAndReminderAddressesTest extends CommandServiceTest {

    @Test
    void theContactAddressAndTheReminderAddressAreApartAndEachShownOnlyToItsOwner() {
        Scenario scenario = new Scenario(http);
        UUID set = scenario.formSet(scenario.launchProgramme("Two addresses"), "Set");
        UUID person = scenario.addMembers(set, 1).get(0);
        String username = "addresses-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.post("/api/users", user(username, person, "contact@example.org")).status()).isEqualTo(201);
        HttpJson member = http.as(username, Accounts.PASSWORD);

        assertThat(member.get("/api/account/email").raw()).as("an administrator's address is no opt-in to reminders")
                .isEqualTo("{\"email\":null}");
        HttpJson.Response set1 = member.send("PUT", "/api/account/email", "{\"email\":\"me@mail.example.net\"}",
                Map.of());
        assertThat(set1.status()).as(set1.raw()).isEqualTo(200);

        assertThat(member.get("/api/account/email").body().path("email").asText()).isEqualTo("me@mail.example.net");
        assertThat(listed(username).path("email").asText()).as("the administrator sees their own contact address")
                .isEqualTo("contact@example.org");
        assertThat(http.get("/api/users").raw()).doesNotContain("me@mail.example.net");

        HttpJson.Response changed = http.send("PATCH", "/api/users/" + username, "{\"email\":\"desk@example.org\"}",
                Map.of());
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.body().path("email").asText()).isEqualTo("desk@example.org");
        assertThat(member.get("/api/account/email").body().path("email").asText()).isEqualTo("me@mail.example.net");
    }

    @Test
    void everyAddressIsCheckedByOneRuleNamingTheField() {
        Scenario scenario = new Scenario(http);
        UUID set = scenario.formSet(scenario.launchProgramme("Address rule"), "Set");
        UUID person = scenario.addMembers(set, 1).get(0);
        String username = "rule-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> notAddresses = List.of("a@b", "ann@example", "ann@@example.org", "ann@-example.org",
                "ann @example.org", ".ann@example.org", "ann..b@example.org", "ann@example..org", "ann@example.o",
                "@example.org", "ann@", "x".repeat(65) + "@example.org");
        for (String address : notAddresses) {
            HttpJson.Response refused = http.post("/api/users", user(username, person, address));
            assertThat(refused.status()).as("creating with %s: %s", address, refused.raw()).isEqualTo(400);
            assertThat(fields(refused)).as(address).containsExactly("email");
        }
        assertThat(http.post("/api/users", user(username, person, "ann.o'neil+als@mail.example.co.uk")).status())
                .isEqualTo(201);
        HttpJson member = http.as(username, Accounts.PASSWORD);
        for (String address : notAddresses) {
            HttpJson.Response refused = member.send("PUT", "/api/account/email", "{\"email\":\"" + address + "\"}",
                    Map.of());
            assertThat(refused.status()).as("reminders to %s: %s", address, refused.raw()).isEqualTo(400);
            assertThat(fields(refused)).as(address).containsExactly("email");
            HttpJson.Response patched = http.send("PATCH", "/api/users/" + username,
                    "{\"email\":\"" + address + "\"}", Map.of());
            assertThat(patched.status()).as("contact %s: %s", address, patched.raw()).isEqualTo(400);
            assertThat(fields(patched)).as(address).containsExactly("email");
        }
        assertThat(member.send("PUT", "/api/account/email", "{\"email\":\"Ann_B-2@sub.example-mail.org\"}", Map.of())
                .status()).isEqualTo(200);
    }

    private static Map<String, Object> user(String username, UUID person, String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", Accounts.PASSWORD);
        body.put("personId", person);
        body.put("grants", List.of());
        body.put("email", email);
        return body;
    }

    private JsonNode listed(String username) {
        for (JsonNode user : http.get("/api/users").body()) {
            if (user.path("username").asText().equals(username)) {
                return user;
            }
        }
        throw new AssertionError(username + " is not listed");
    }

    private static List<String> fields(HttpJson.Response problem) {
        return problem.body().path("errors").findValuesAsText("field");
    }
}
