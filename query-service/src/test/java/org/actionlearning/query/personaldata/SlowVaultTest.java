package org.actionlearning.query.personaldata;

import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.PROGRAMME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.actionlearning.events.personaldata.SealedText;
import org.actionlearning.query.QueryServiceApplication;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestIdentity;
import org.actionlearning.testsupport.TestTokens;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A command service that answers too slowly must not take the query service down with it. Against a real local
 * vault that sleeps longer than the read timeout, on a pool of three connections: while six reads of a set's record
 * wait on the vault, other reads answer at once (the vault is called outside the read transactions, and the
 * bulkhead turns away reads beyond three calls in flight); then the circuit opens and reads stop calling the vault.
 */
@SpringBootTest(classes = QueryServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {QueryServiceApplication.CONFIG_NAME, "als.projection.enabled=false",
                "als.projection.bootstrap-servers=127.0.0.1:9",
                "als.security.jwt-secret=" + TestIdentity.JWT_SECRET,
                "spring.datasource.hikari.maximum-pool-size=3",
                "als.personal-data.read-timeout=PT2S",
                "als.personal-data.slow-call=PT0.5S",
                "als.personal-data.max-concurrent-calls=3",
                "als.personal-data.minimum-calls=3",
                "als.personal-data.open-for=PT5M"})
class SlowVaultTest {

    private static final String DATABASE_URL = EmbeddedInfrastructure.newDatabase("slowvault");
    private static final AtomicInteger VAULT_CALLS = new AtomicInteger();
    private static final ExecutorService VAULT_THREADS = Executors.newFixedThreadPool(8);
    private static HttpServer vault;

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;
    @Autowired
    PersonalDataClient client;
    @Autowired
    MeterRegistry registry;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.useDatabase(registry, DATABASE_URL);
        try {
            vault = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        vault.setExecutor(VAULT_THREADS);
        vault.createContext(PersonalDataClient.UNSEAL_PATH, exchange -> {
            VAULT_CALLS.incrementAndGet();
            try {
                Thread.sleep(4_000); // longer than the read timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        vault.start();
        registry.add("als.personal-data.vault-url", () -> "http://127.0.0.1:" + vault.getAddress().getPort());
    }

    @AfterAll
    static void stopVault() {
        vault.stop(0);
        VAULT_THREADS.shutdownNow();
    }

    @Test
    void otherReadsAnswerPromptlyWhileTheVaultIsSlowAndThenTheCircuitOpens() throws Exception {
        UUID setId = UUID.randomUUID();
        UUID programmeId = UUID.randomUUID();
        db.insertInto(PROGRAMME)
                .set(PROGRAMME.PROGRAMME_ID, programmeId)
                .set(PROGRAMME.ORGANISATION, "Org")
                .set(PROGRAMME.NAME, "Slow vault")
                .set(PROGRAMME.SPONSOR, "Sam")
                .set(PROGRAMME.STARTS_ON, LocalDate.parse("2026-01-05"))
                .set(PROGRAMME.CURRENCY, "GBP")
                .execute();
        db.insertInto(LEARNING_SET)
                .set(LEARNING_SET.SET_ID, setId)
                .set(LEARNING_SET.PROGRAMME_ID, programmeId)
                .set(LEARNING_SET.NAME, "Slow vault")
                .set(LEARNING_SET.FACILITATOR_ID, UUID.randomUUID())
                .set(LEARNING_SET.FACILITATOR_NAME, new SealedText(UUID.randomUUID(), new byte[] {1, 2, 3}).format())
                .execute();
        HttpJson facilitator = new HttpJson("http://localhost:" + port)
                .withToken(TestTokens.token("facilitator", null, "FACILITATOR:" + setId));
        HttpJson operator = new HttpJson("http://localhost:" + port)
                .withToken(TestTokens.token("operator", null, "ADMIN:*"));
        assertThat(operator.get("/api/programmes").status()).isEqualTo(200); // warm

        ExecutorService readers = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<HttpJson.Response>> records = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                records.add(CompletableFuture.supplyAsync(() -> facilitator.get("/api/sets/" + setId + "/record"),
                        readers));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> VAULT_CALLS.get() >= 3);

            long started = System.nanoTime();
            HttpJson.Response other = operator.get("/api/programmes");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(other.status()).isEqualTo(200);
            assertThat(millis).as("a read needing no vault, while the vault keeps three calls").isLessThan(1_000);
            for (CompletableFuture<HttpJson.Response> record : records) {
                HttpJson.Response answer = record.get(20, TimeUnit.SECONDS);
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.body().path("personalDataUnavailable").asBoolean()).isTrue();
                assertThat(answer.body().path("facilitator").path("displayName").isNull()).isTrue();
            }
        } finally {
            readers.shutdownNow();
        }
        // three calls reached the vault (the bulkhead turned the other three away) and all three timed out
        assertThat(VAULT_CALLS.get()).isEqualTo(3);
        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);

        long started = System.nanoTime();
        HttpJson.Response whileOpen = facilitator.get("/api/sets/" + setId + "/record");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1_000);
        assertThat(whileOpen.body().path("personalDataUnavailable").asBoolean()).isTrue();
        assertThat(VAULT_CALLS.get()).as("no call while the circuit is open").isEqualTo(3);
        assertThat(registry.get("als.vault.circuit.open").gauge().value()).isEqualTo(1.0);
    }
}
