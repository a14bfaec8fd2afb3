package org.actionlearning.launcher;

import org.actionlearning.testsupport.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.actionlearning.launcher.LauncherSettings.DemoMode;
import org.actionlearning.launcher.demo.CaseStudies;
import org.actionlearning.launcher.demo.DemoLoader;
import org.actionlearning.launcher.demo.DemoProgramme;
import org.actionlearning.launcher.demo.DemoUsers;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole platform in this JVM through {@link PlatformLauncher} (embedded PostgreSQL, in-process Kafka, both
 * services) on a fresh data directory: the demo loads on the first start through the command API, the query
 * API shows the case studies' headline numbers, and a second start on the same data directory loads nothing
 * twice.
 */
class DemoDataSmokeTest {

    private static final Duration PROJECTED = Duration.ofSeconds(90);

    @TempDir
    Path dataDirectory;

    @Test
    void theCaseStudiesLoadOnceThroughThePipelineAndShowTheirHeadlineNumbers() throws Exception {
        int postgresPort = freePort();
        LauncherSettings settings = new LauncherSettings(dataDirectory, freePort(), freePort(), postgresPort,
                freeKafkaPorts(), null, null, DemoMode.FIRST_START, null);
        List<DemoProgramme> script = CaseStudies.all();
        long events;
        Map<String, JsonNode> readSide;

        try (PlatformLauncher launcher = new PlatformLauncher()) {
            launcher.start(settings);
            assertThat(dataDirectory.resolve("demo-loaded")).exists();
            HttpJson query = new HttpJson(launcher.queryUrl()).withAuthorization(launcher.adminAuthorization());
            Map<String, String> ids = programmeIds(query);
            assertThat(ids.keySet()).containsExactlyInAnyOrderElementsOf(script.stream().map(DemoProgramme::name).toList());
            for (DemoProgramme programme : script) {
                awaitFullyProjected(query, ids.get(programme.name()), programme);
            }

            for (DemoProgramme programme : script) {
                JsonNode dashboard = query.get("/api/programmes/" + ids.get(programme.name()) + "/dashboard").body();
                JsonNode follow = dashboard.get("followThrough");
                assertThat(follow.get("completionRate").isNull()).as(programme.key()).isFalse();
                assertThat(follow.get("onTimeRate").isNull()).as(programme.key()).isFalse();
                assertThat(follow.get("overdue").asInt()).as(programme.key()).isGreaterThanOrEqualTo(1);
                assertThat(follow.get("abandoned").asInt()).as(programme.key()).isGreaterThanOrEqualTo(1);
                assertThat(dashboard.get("roi").get("costs").asDouble()).as(programme.key()).isPositive();
                assertThat(dashboard.get("participation").get("meanGini").isNull()).isFalse();
            }

            JsonNode discharge = outcome(query, ids.get(CaseStudies.healthcare().name()));
            assertThat(discharge.get("name").asText()).isEqualTo("discharge delay");
            assertThat(discharge.get("improvementPercent").asDouble()).isGreaterThanOrEqualTo(15);
            assertThat(discharge.get("targetMet").asBoolean()).isTrue();
            assertThat(discharge.get("daysToTarget").asInt()).isLessThanOrEqualTo(92);

            JsonNode energy = outcome(query, ids.get(CaseStudies.manufacturing().name()));
            assertThat(energy.get("name").asText()).isEqualTo("energy use");
            assertThat(energy.get("improvementPercent").asDouble()).isGreaterThanOrEqualTo(10);
            assertThat(energy.get("targetMet").asBoolean()).isTrue();
            assertThat(energy.get("daysToTarget").asInt()).isLessThanOrEqualTo(183);

            JsonNode engagement = outcome(query, ids.get(CaseStudies.financialServices().name()));
            assertThat(engagement.get("name").asText()).isEqualTo("employee engagement score");
            assertThat(engagement.get("improvementPercent").asDouble()).isPositive();
            assertThat(engagement.get("pValue").asDouble()).isLessThan(0.05);
            JsonNode financeRoi = query.get("/api/programmes/" + ids.get(CaseStudies.financialServices().name())
                    + "/roi").body();
            assertThat(financeRoi.get("intangibles")).extracting(i -> i.get("name").asText())
                    .containsExactly("employee engagement score");

            // the fairness audit finds the dominating consultant and the silent social worker
            String dischargeSet = setIds(query, ids.get(CaseStudies.healthcare().name())).iterator().next();
            JsonNode fairness = facilitator(launcher.queryUrl(), CaseStudies.healthcare().name())
                    .get("/api/sets/" + dischargeSet + "/fairness").body();
            assertThat(fairness.get("name").asText()).isEqualTo("Discharge Flow Set");
            List<JsonNode> unfair = new ArrayList<>();
            fairness.get("meetings").forEach(meeting -> {
                if (meeting.get("dominance").asDouble() >= 2.0 && !meeting.get("silentMembers").isEmpty()) {
                    unfair.add(meeting);
                }
            });
            assertThat(unfair).isNotEmpty();
            JsonNode first = unfair.get(0);
            assertThat(mostContributions(first).get("displayName").asText()).startsWith("Dr Richard Hale");
            String silent = first.get("silentMembers").get(0).asText();
            assertThat(memberRow(first, silent).get("displayName").asText()).startsWith("Joseph Adeyemi");

            events = countEvents(postgresPort);
            // the person keys are stored wrapped with the master key kept with this data directory's secrets
            assertThat(count(postgresPort, "select count(*) from person_key where key is not null")).isPositive();
            assertThat(count(postgresPort, "select count(*) from person_key where key is not null and kek_id is null"))
                    .isZero();
            assertThat(events).isGreaterThan(300);
            // an acknowledged command is on disk: the embedded server flushes its WAL at every commit
            assertThat(setting(postgresPort, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(postgresPort, "fsync")).isEqualTo("on");
            readSide = readSide(query, ids, launcher.queryUrl());
        }

        try (PlatformLauncher again = new PlatformLauncher()) {
            again.start(settings);           // FIRST_START and the marker exists: nothing is loaded
            assertThat(countEvents(postgresPort)).isEqualTo(events);

            // and the loader itself is idempotent: forced to run again, every command is answered from the
            // service's idempotency store with the ids of the first run, and no event is recorded
            List<DemoLoader.Loaded> reloaded = new DemoLoader(again.commandUrl(), again.adminAuthorization(),
                    System.out).load(script);
            assertThat(reloaded).allSatisfy(loaded -> {
                assertThat(loaded.created()).as(loaded.key()).isZero();
                assertThat(loaded.replayed()).as(loaded.key()).isEqualTo(loaded.commands());
            });
            assertThat(countEvents(postgresPort)).isEqualTo(events);

            HttpJson query = new HttpJson(again.queryUrl()).withAuthorization(again.adminAuthorization());
            Map<String, String> ids = programmeIds(query);
            reloaded.forEach(loaded -> assertThat(loaded.programmeId().toString()).isEqualTo(ids.get(loaded.name())));
            await().atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(5))
                    .until(() -> readSide(query, ids, again.queryUrl()).equals(readSide));
        }
    }

    /** A programme's last command (its last cost) is on the read side, so is everything before it. */
    private static void awaitFullyProjected(HttpJson query, String programmeId, DemoProgramme programme) {
        await().atMost(PROJECTED).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode roi = query.get("/api/programmes/" + programmeId + "/roi").body();
            assertThat(roi.path("costs").path("total").decimalValue()).isEqualByComparingTo(programme.totalCosts());
        });
        JsonNode counts = query.get("/api/programmes/" + programmeId + "/dashboard").body().get("counts");
        assertThat(counts.get("sets").asInt()).isEqualTo(programme.sets().size());
        assertThat(counts.get("members").asLong()).isEqualTo(programme.members());
        assertThat(counts.get("meetingsHeld").asLong()).isEqualTo(programme.meetings());
        assertThat(counts.get("questionsAsked").asLong()).isEqualTo(programme.questions());
        assertThat(counts.get("statementsMade").asLong()).isEqualTo(programme.statements());
    }

    private static Map<String, String> programmeIds(HttpJson query) {
        Map<String, String> ids = new TreeMap<>();
        query.get("/api/programmes").body().forEach(p -> ids.put(p.get("name").asText(), p.get("programmeId").asText()));
        return ids;
    }

    private static JsonNode outcome(HttpJson query, String programmeId) {
        JsonNode outcomes = query.get("/api/programmes/" + programmeId + "/dashboard").body().get("outcomes");
        assertThat(outcomes).hasSize(1);
        return outcomes.get(0);
    }

    private static Set<String> setIds(HttpJson query, String programmeId) {
        Set<String> sets = new LinkedHashSet<>();
        query.get("/api/programmes/" + programmeId + "/actions").body().forEach(a -> sets.add(a.get("setId").asText()));
        return sets;
    }

    private static JsonNode mostContributions(JsonNode meeting) {
        JsonNode most = null;
        for (JsonNode row : meeting.get("members")) {
            if (most == null || row.get("contributions").asInt() > most.get("contributions").asInt()) {
                most = row;
            }
        }
        return most;
    }

    private static JsonNode memberRow(JsonNode meeting, String personId) {
        for (JsonNode row : meeting.get("members")) {
            if (row.get("personId").asText().equals(personId)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + personId);
    }

    /** Everything the query side shows of the demo, as of a fixed date so that two readings compare. */
    /** The demo user who facilitates the programme's sets: who may read their fairness audits. */
    private static HttpJson facilitator(String queryUrl, String programmeName) {
        String key = CaseStudies.all().stream().filter(p -> p.name().equals(programmeName)).findFirst().orElseThrow()
                .key();
        return new HttpJson(queryUrl).as("facilitator." + key, DemoUsers.PASSWORD);
    }

    private static Map<String, JsonNode> readSide(HttpJson query, Map<String, String> ids, String queryUrl) {
        Map<String, JsonNode> shown = new TreeMap<>();
        query.get("/api/programmes").body().forEach(p -> shown.put("programme " + p.get("name").asText(), p));
        ids.forEach((name, id) -> {
            shown.put("dashboard " + name, query.get("/api/programmes/" + id + "/dashboard?asOf=2026-11-27").body());
            shown.put("actions " + name, query.get("/api/programmes/" + id + "/actions?asOf=2026-11-27").body());
            shown.put("roi " + name, query.get("/api/programmes/" + id + "/roi").body());
            for (String setId : setIds(query, id)) {
                JsonNode fairness = facilitator(queryUrl, name).get("/api/sets/" + setId + "/fairness").body();
                assertThat(fairness.has("meetings")).as("fairness of %s: %s", setId, fairness).isTrue();
                shown.put("fairness " + setId, fairness);
            }
        });
        return shown;
    }

    private long countEvents(int postgresPort) throws SQLException {
        return count(postgresPort, "select count(*) from domainevententry");
    }

    private long count(int postgresPort, String sql) throws SQLException {
        try (Connection connection = commandDatabase(postgresPort);
             ResultSet count = connection.createStatement().executeQuery(sql)) {
            count.next();
            return count.getLong(1);
        }
    }

    /** As the launcher's services connect: with the password made for this data directory. */
    private Connection commandDatabase(int postgresPort) throws SQLException {
        Properties secrets = new Properties();
        try (var reader = java.nio.file.Files.newBufferedReader(dataDirectory.resolve(PlatformSecrets.FILE))) {
            secrets.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/als_commands",
                "postgres", secrets.getProperty("database-password"));
    }

    private String setting(int postgresPort, String name) throws SQLException {
        try (Connection connection = commandDatabase(postgresPort);
             ResultSet value = connection.createStatement().executeQuery("show " + name)) {
            value.next();
            return value.getString(1);
        }
    }

    private static int freePort() throws IOException {
        return FreePorts.next();
    }

    /** The embedded broker listens on the port and its controller on the next one: both must be free. */
    private static int freeKafkaPorts() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            if (port < 65535) {
                try (ServerSocket next = new ServerSocket(port + 1)) {
                    return port;
                } catch (IOException taken) {
                    // try another pair
                }
            }
        }
        throw new IOException("no two adjacent free ports for Kafka");
    }
}
