package org.actionlearning.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.support.Accounts;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.HttpJson.Response;
import org.actionlearning.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/**
 * An Idempotency-Key belongs to the caller who sent it: another organisation's sponsor replaying an
 * administrator's key, path and body gets what they get without the key (403), a different body under the same
 * key tells them nothing (no 422), a key used first by someone else is still free, and the table keeps keyed
 * fingerprints, not plain digests of the requests.
 */
class IdempotencyScopeTest extends CommandServiceTest {

    @Test
    void anotherCallersReplayOfAKeyGetsTheAnswerItWouldGetWithoutTheKey() {
        HttpJson sponsor = otherOrganisationsSponsor();
        String key = UUID.randomUUID().toString();
        String body = launch("Admin's launch " + key);
        Response created = http.post("/api/programmes", body, Map.of(IdempotencyFilter.HEADER, key));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long before = storedEvents();

        Response withoutKey = sponsor.post("/api/programmes", body);
        Response replayed = sponsor.post("/api/programmes", body, Map.of(IdempotencyFilter.HEADER, key));

        assertThat(withoutKey.status()).as(withoutKey.raw()).isEqualTo(403);
        assertThat(replayed.status()).as(replayed.raw()).isEqualTo(403);
        assertThat(replayed.raw()).doesNotContain(created.id("programmeId").toString());
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anotherCallersDifferentBodyUnderTheKeyIsNotTold422() {
        HttpJson sponsor = otherOrganisationsSponsor();
        String key = UUID.randomUUID().toString();
        assertThat(http.post("/api/programmes", launch("Taken " + key), Map.of(IdempotencyFilter.HEADER, key))
                .status()).isEqualTo(201);

        Response probe = sponsor.post("/api/programmes", launch("Probe " + key), Map.of(IdempotencyFilter.HEADER, key));

        assertThat(probe.status()).as(probe.raw()).isEqualTo(403);
        assertThat(probe.raw()).doesNotContain("Idempotency");
    }

    @Test
    void aKeyUsedFirstByAnotherCallerIsStillFreeForMe() {
        HttpJson otherAdmin = new Accounts(http).create("squatter", List.of("ADMIN:Squat Org"));
        String key = UUID.randomUUID().toString();
        Response squatted = otherAdmin.post("/api/programmes", "{\"organisation\":\"Squat Org\",\"name\":\"Squat\","
                + "\"sponsor\":\"S\",\"startsOn\":\"2026-01-05\",\"currency\":\"GBP\"}",
                Map.of(IdempotencyFilter.HEADER, key));
        assertThat(squatted.status()).as(squatted.raw()).isEqualTo(201);

        Response mine = http.post("/api/programmes", launch("Mine " + key), Map.of(IdempotencyFilter.HEADER, key));
        Response myRetry = http.post("/api/programmes", launch("Mine " + key), Map.of(IdempotencyFilter.HEADER, key));

        assertThat(mine.status()).as(mine.raw()).isEqualTo(201);
        assertThat(mine.id("programmeId")).isNotEqualTo(squatted.id("programmeId"));
        assertThat(myRetry.raw()).isEqualTo(mine.raw());
        assertThat(jdbc.queryForList("select caller from idempotency_key where idempotency_key = ?", String.class,
                key)).as("one row per caller").hasSize(2).contains(TestIdentity.ADMIN);
    }

    @Test
    void theTableHoldsNoPlainDigestOfTheRequest() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = launch("Fingerprinted " + key);
        assertThat(http.post("/api/programmes", body, Map.of(IdempotencyFilter.HEADER, key)).status()).isEqualTo(201);

        String stored = jdbc.queryForObject("select fingerprint from idempotency_key where caller = ? and"
                + " idempotency_key = ?", String.class, TestIdentity.ADMIN, key);

        assertThat(stored).matches("[0-9a-f]{64}");
        assertThat(stored).isNotIn(sha256("POST /api/programmes\n" + body), sha256(body),
                sha256(TestIdentity.ADMIN + "\0POST\0/api/programmes\0" + body),
                sha256("POST /api/programmes" + body));
    }

    /** A sponsor of a programme of another organisation ("Elsewhere"), who may not launch in "Org". */
    private HttpJson otherOrganisationsSponsor() {
        UUID elsewhere = http.post("/api/programmes", "{\"organisation\":\"Elsewhere\",\"name\":\"Theirs\","
                + "\"sponsor\":\"S\",\"startsOn\":\"2026-01-05\",\"currency\":\"GBP\"}").id("programmeId");
        return new Accounts(http).create("sponsor", List.of("SPONSOR:" + elsewhere));
    }

    private static String launch(String name) {
        return "{\"organisation\":\"Org\",\"name\":\"" + name + "\",\"sponsor\":\"Sam\",\"startsOn\":\"2026-01-05\","
                + "\"currency\":\"GBP\"}";
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
