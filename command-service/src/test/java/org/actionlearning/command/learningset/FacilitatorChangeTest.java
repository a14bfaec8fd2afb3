package org.actionlearning.command.learningset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.JsonNode;
import org.actionlearning.command.support.Accounts;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.command.support.Scenario;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.Test;

/**
 * Changing a set's facilitator ends the former facilitator's authority over the set in the same step, whether
 * their account is a person's or not (the demo facilitators are not), and with a token issued before the change;
 * the new facilitator's account gains it at once. Of concurrent changes of one set, one wins and the others leave
 * nothing behind.
 */
class FacilitatorChangeTest extends CommandServiceTest {

    @Test
    void theFormerFacilitatorLosesTheSetAndTheNewOneGainsItAtOnce() {
        Scenario scenario = new Scenario(http);
        UUID programme = scenario.launchProgramme("Handover");
        HttpJson.Response formed = http.post("/api/sets", Map.of("programmeId", programme, "name", "Wards",
                "facilitatorName", "Fran"));
        UUID set = Scenario.created(formed, "setId");
        UUID fran = Scenario.created(formed, "facilitatorId");
        List<UUID> members = scenario.addMembers(set, 2);
        UUID earlierMeeting = scenario.scheduleMeeting(set, "2026-06-01");
        // the new facilitator: a person of the organisation (a member of another set) who has an account already
        UUID otherSet = scenario.formSet(programme, "Theatres");
        UUID gil = scenario.addMembers(otherSet, 1).get(0);

        // Fran is a member of Theatres too (a MEMBER grant is given to members only)
        assertThat(http.post("/api/sets/" + otherSet + "/members", Map.of("displayName", "Fran", "personId", fran))
                .status()).isEqualTo(201);
        Accounts accounts = new Accounts(http);
        String grant = "FACILITATOR:" + set;
        HttpJson demoFormer = accounts.create("demo-fran", List.of(grant));   // no person, as the demo's
        HttpJson franAccount = accounts.create("fran", fran, List.of(grant, "MEMBER:" + otherSet));
        HttpJson gilAccount = accounts.create("gil", gil, List.of("MEMBER:" + otherSet));
        String demoToken = token(demoFormer);
        String franToken = token(franAccount);
        assertThat(http.withToken(demoToken).post("/api/sets/" + set + "/meetings",
                Map.of("scheduledFor", "2026-06-08")).status()).as("before the change").isEqualTo(201);

        HttpJson.Response changed = http.post("/api/sets/" + set + "/facilitator",
                Map.of("facilitatorName", "Gil", "facilitatorId", gil, "currentFacilitatorId", fran));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);

        // (a) neither former account sends commands about the set: with a password, nor with a token from before.
        // Fran keeps a grant in the organisation (403); the demo account has none left there, a stranger now (404)
        Map<HttpJson, Integer> formers = Map.of(demoFormer, 404, http.withToken(demoToken), 404,
                franAccount, 403, http.withToken(franToken), 403);
        formers.forEach((former, refusal) -> {
            assertThat(former.post("/api/sets/" + set + "/meetings", Map.of("scheduledFor", "2026-06-15")).status())
                    .isEqualTo(refusal);
            assertThat(former.post(Scenario.meeting(set, earlierMeeting) + "/open",
                    Map.of("attendees", members)).status()).isEqualTo(refusal);
            assertThat(former.post(Scenario.meeting(set, earlierMeeting) + "/discard", Map.of()).status())
                    .isEqualTo(refusal);
        });
        // renewing the old token gives the account's grants as they are now
        HttpJson.Response renewed = http.withToken(franToken).post("/api/auth/token/renew", "");
        assertThat(renewed.status()).as(renewed.raw()).isEqualTo(200);
        assertThat(http.withToken(renewed.body().path("access_token").asText()).post("/api/sets/" + set + "/meetings",
                Map.of("scheduledFor", "2026-06-15")).status()).isEqualTo(403);
        // Fran's other grants stay: still a member of Theatres (refused there only as a member, not as a stranger)
        assertThat(grantsOf("fran-")).containsExactly("MEMBER:" + otherSet);
        assertThat(grantsOf("demo-fran-")).isEmpty();

        // (c) the new facilitator: their account holds the grant now, with a password and a token issued now
        assertThat(grantsOf("gil-")).containsExactlyInAnyOrder(grant, "MEMBER:" + otherSet);
        assertThat(gilAccount.post("/api/sets/" + set + "/meetings", Map.of("scheduledFor", "2026-06-22")).status())
                .isEqualTo(201);
        assertThat(http.withToken(token(gilAccount)).post(Scenario.meeting(set, earlierMeeting) + "/open",
                Map.of("attendees", members)).status()).isEqualTo(200);

        // what the query service is told: the grant taken from each former account (their tokens lose it there too)
        JsonNode revoked = http.get("/api/auth/disabled").body().path("revokedGrants");
        assertThat(revoked.path(usernameOf("fran-")).has(grant)).isTrue();
        assertThat(revoked.path(usernameOf("demo-fran-")).has(grant)).isTrue();
        assertThat(revoked.has(usernameOf("gil-"))).isFalse();
    }

    /** An administrator who takes a grant away in /api/users ends it for tokens already issued as well. */
    @Test
    void aGrantTakenInTheUsersApiStopsCountingInTokensIssuedBefore() {
        Scenario scenario = new Scenario(http);
        UUID set = scenario.formSet(scenario.launchProgramme("Taken"), "Set");
        HttpJson facilitator = new Accounts(http).create("taken", List.of("FACILITATOR:" + set));
        String before = token(facilitator);
        String username = usernameOf("taken-");
        assertThat(http.send("PATCH", "/api/users/" + username, "{\"grants\":[]}", Map.of()).status()).isEqualTo(200);

        assertThat(http.withToken(before).post("/api/sets/" + set + "/meetings", Map.of("scheduledFor", "2026-06-01"))
                .status()).isEqualTo(404);   // no grant left in the organisation: a stranger
    }

    @Test
    void ofConcurrentChangesOneWinsAndTheOthersLeaveNothingBehind() throws Exception {
        Scenario scenario = new Scenario(http);
        UUID programme = scenario.launchProgramme("Concurrent");
        HttpJson.Response formed = http.post("/api/sets", Map.of("programmeId", programme, "name", "Raced",
                "facilitatorName", "Fran"));
        UUID set = Scenario.created(formed, "setId");
        UUID fran = Scenario.created(formed, "facilitatorId");
        long keysBefore = count("select count(*) from person_key");
        long peopleBefore = count("select count(*) from person_organisation");

        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<HttpJson.Response> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpJson.Response>> sent = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("facilitatorName", "Successor " + i);
                body.put("currentFacilitatorId", fran);
                HttpJson admin = http;
                sent.add(pool.submit(() -> {
                    start.await();
                    return admin.post("/api/sets/" + set + "/facilitator", body);
                }));
            }
            start.countDown();
            for (Future<HttpJson.Response> answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
        List<HttpJson.Response> refused = answers.stream().filter(a -> a.status() != 200).toList();
        assertThat(refused).hasSize(racers - 1).allSatisfy(a -> {
            assertThat(a.status()).as(a.raw()).isEqualTo(409);
            assertThat(a.body().path("errors").get(0).path("field").asText()).isEqualTo("currentFacilitatorId");
        });
        UUID winner = UUID.fromString(answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow()
                .body().path("facilitatorId").asText());
        // one change stored, one new person (their key and their organisation), none for the refused changes
        assertThat(count("select count(*) from domainevententry where aggregateidentifier = '" + set
                + "' and payloadtype like '%FacilitatorChanged'")).isEqualTo(1);
        assertThat(count("select count(*) from person_key") - keysBefore).isEqualTo(1);
        assertThat(count("select count(*) from person_organisation") - peopleBefore).isEqualTo(1);
        assertThat(count("select count(*) from person_key where person_id = '" + winner + "'")).isEqualTo(1);
        // the next change starts from the winner
        HttpJson.Response next = http.post("/api/sets/" + set + "/facilitator",
                Map.of("facilitatorName", "Next", "currentFacilitatorId", winner));
        assertThat(next.status()).as(next.raw()).isEqualTo(200);
    }

    private static String token(HttpJson user) {
        HttpJson.Response token = user.post("/api/auth/token", "");
        assertThat(token.status()).as(token.raw()).isEqualTo(200);
        return token.body().path("access_token").asText();
    }

    /** The grants the users API shows an administrator for the one user whose name starts with {@code prefix}. */
    private List<String> grantsOf(String prefix) {
        JsonNode user = user(prefix);
        List<String> grants = new ArrayList<>();
        user.path("grants").forEach(g -> grants.add(g.asText()));
        return grants;
    }

    private String usernameOf(String prefix) {
        return user(prefix).path("username").asText();
    }

    /** Each prefix names one user of this (fresh) database. */
    private JsonNode user(String prefix) {
        List<JsonNode> found = new ArrayList<>();
        http.get("/api/users").body().forEach(u -> {
            if (u.path("username").asText().startsWith(prefix)) {
                found.add(u);
            }
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
