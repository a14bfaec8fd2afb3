package org.actionlearning.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.command.support.Scenario;
import org.actionlearning.testsupport.HttpJson.Response;
import org.junit.jupiter.api.Test;

/**
 * A command sent with an {@code Idempotency-Key} takes effect once: retries (sequential or concurrent) get the
 * first answer and store no second event; the key cannot be reused for another request; a refused request
 * stores nothing, not even its key.
 */
class IdempotencyTest extends CommandServiceTest {

    @Test
    void aRetryWithTheSameKeyGetsTheSameAnswerAndStoresOneEvent() {
        Map<String, String> key = key();
        long before = storedEvents();

        Map<String, Object> body = launch("Retried launch");
        Response first = http.post("/api/programmes", body, key);
        Response retry = http.post("/api/programmes", body, key);

        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.raw()).isEqualTo(first.raw());
        assertThat(retry.location()).isEqualTo(first.location());
        assertThat(eventsOf(first.id("programmeId"))).isEqualTo(1);
        assertThat(storedEvents() - before).isEqualTo(1);
    }

    @Test
    void twentyConcurrentRequestsWithOneKeyStoreOneEventAndGetOneAnswer() throws Exception {
        Map<String, String> key = key();
        long before = storedEvents();
        int requests = 20;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        Map<String, Object> body = launch("Concurrent launch");
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.post("/api/programmes", body, key);
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }

            assertThat(responses).extracting(Response::status).containsOnly(201);
            assertThat(responses).extracting(Response::raw).containsOnly(responses.get(0).raw());
            assertThat(eventsOf(responses.get(0).id("programmeId"))).isEqualTo(1);
            assertThat(storedEvents() - before).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameKeyWithADifferentBodyIsA422NamingTheHeader() {
        Map<String, String> key = key();
        Scenario.created(http.post("/api/programmes", launch("First use"), key), "programmeId");
        long before = storedEvents();

        Response reuse = http.post("/api/programmes", launch("Second use"), key);

        assertThat(reuse.status()).as(reuse.raw()).isEqualTo(422);
        assertThat(reuse.contentType()).startsWith("application/problem+json");
        assertThat(reuse.body().path("status").asInt()).isEqualTo(422);
        assertThat(reuse.body().path("title").asText()).isEqualTo("Idempotency key reused");
        assertThat(reuse.body().path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(reuse.body().path("errors").get(0).path("message").asText()).contains("different request");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aRefusedRequestStoresNoKeySoTheSameRequestIsHandledAfreshOnceTheCauseIsFixed() {
        Scenario scenario = new Scenario(http);
        UUID setId = scenario.formSet(scenario.launchProgramme("Retry after fix"), "Set");
        List<UUID> members = scenario.addMembers(setId, 8);
        Map<String, String> key = key();
        Map<String, Object> ninth = Map.of("displayName", "Ninth", "personId", UUID.randomUUID());

        Response refused = http.post("/api/sets/" + setId + "/members", ninth, key);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(storedKeys(key)).isZero();

        assertThat(http.delete("/api/sets/" + setId + "/members/" + members.get(7)).status()).isEqualTo(204);
        long before = storedEvents();
        Response retried = http.post("/api/sets/" + setId + "/members", ninth, key);
        Response replayed = http.post("/api/sets/" + setId + "/members", ninth, key);

        assertThat(retried.status()).as(retried.raw()).isEqualTo(201);
        assertThat(retried.body().path("personId").asText()).isEqualTo(ninth.get("personId").toString());
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.raw()).isEqualTo(retried.raw());
        assertThat(storedKeys(key)).isOne();
        assertThat(storedEvents() - before).isEqualTo(1);
    }

    @Test
    void aKeyFirstUsedByAnInvalidRequestIsNotAReuseForAValidOne() {
        Map<String, String> key = key();
        Response invalid = http.post("/api/programmes", Map.of("organisation", "Org"), key);
        assertThat(invalid.status()).as(invalid.raw()).isEqualTo(400);
        long before = storedEvents();

        Response valid = http.post("/api/programmes", launch("Valid after invalid"), key);

        assertThat(valid.status()).as(valid.raw()).isEqualTo(201);
        assertThat(eventsOf(valid.id("programmeId"))).isEqualTo(1);
        assertThat(storedEvents() - before).isEqualTo(1);
    }

    @Test
    void aKeyLongerThan255CharactersIsA400NamingTheHeader() {
        long before = storedEvents();
        Response response = http.post("/api/programmes", launch("Long key"),
                Map.of(IdempotencyFilter.HEADER, "k".repeat(256)));

        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(storedEvents()).isEqualTo(before);
    }

    /**
     * The command's transaction fails at its commit, after the handler answered 201 (here a deferred check refuses
     * the key's row; in production the append commit deadline, or a connection lost at commit): nothing is recorded,
     * so the caller must not get the 201, but a 503 telling it to send the command again with the same key; the retry
     * records it once.
     */
    @Test
    void aCommandWhoseTransactionFailsAtCommitIsNotAcknowledgedAndItsRetryRecordsIt() {
        Map<String, String> key = key();
        String failing = key.values().iterator().next();
        jdbc.execute("create or replace function refuse_at_commit() returns trigger language plpgsql as $$"
                + " begin if new.idempotency_key = '" + failing + "' and new.status is not null then"
                + " raise exception 'refused at commit'; end if; return null; end $$");
        jdbc.execute("create constraint trigger refuse_at_commit after insert or update on idempotency_key"
                + " deferrable initially deferred for each row execute function refuse_at_commit()");
        long before = storedEvents();
        Map<String, Object> body = launch("Refused at commit");
        Response refused;
        try {
            refused = http.post("/api/programmes", body, key);
        } finally {
            jdbc.execute("drop trigger refuse_at_commit on idempotency_key");
        }

        assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
        assertThat(refused.raw()).contains("Idempotency-Key");
        assertThat(storedEvents()).isEqualTo(before);

        Response retry = http.post("/api/programmes", body, key);
        assertThat(retry.status()).as(retry.raw()).isEqualTo(201);
        assertThat(eventsOf(retry.id("programmeId"))).isEqualTo(1);
        assertThat(storedEvents() - before).isEqualTo(1);
    }

    private static Map<String, String> key() {
        return Map.of(IdempotencyFilter.HEADER, UUID.randomUUID().toString());
    }

    private static Map<String, Object> launch(String name) {
        return Map.of("organisation", "Org", "name", name, "sponsor", "Sam", "startsOn", "2026-01-05",
                "currency", "GBP");
    }

    private long eventsOf(UUID aggregateId) {
        return jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?", Long.class,
                aggregateId.toString());
    }

    private long storedKeys(Map<String, String> key) {
        return jdbc.queryForObject("select count(*) from idempotency_key where idempotency_key = ?", Long.class,
                key.get(IdempotencyFilter.HEADER));
    }
}
