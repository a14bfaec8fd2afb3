package org.actionlearning.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.actionlearning.eventstore.relay.RelayProperties;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.command.support.Scenario;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Prometheus endpoint reports, with the right numbers, commands by type and outcome, events appended by type
 * and the relay's lag. Values are compared before and after the commands a test sends (tests run one at a time,
 * so the difference is exactly theirs).
 * <p>
 * Spring Boot switches metrics export (hence {@code /actuator/prometheus}) off in tests unless asked with
 * {@link AutoConfigureObservability}. That makes this a context of its own, so it gets its own database and topic:
 * two contexts on one database would have two relays competing for one tracking token. The base class's
 * {@code @DynamicPropertySource} wins over a subclass's for the same property, so the database is set through the
 * pool's own {@code jdbc-url} (bound over {@code spring.datasource.url}) and the topic by a
 * {@link DynamicPropertyRegistrar} bean (applied after, and over, the {@code @DynamicPropertySource} values).
 */
@AutoConfigureObservability(tracing = false)
@Import(CommandMetricsTest.OwnTopic.class)
class CommandMetricsTest extends CommandServiceTest {

    private static final String COMMANDS = "als_commands_seconds_count";
    private static final String APPENDED = "als_events_appended_total";
    private static final String RELAY_LAG = "als_relay_lag_events";
    private static final String OWN_DATABASE_URL = EmbeddedInfrastructure.newDatabase("metrics");

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.hikari.jdbc-url", () -> OWN_DATABASE_URL);
    }

    @TestConfiguration
    static class OwnTopic {
        @Bean
        static DynamicPropertyRegistrar ownTopic() {
            return registry -> registry.add("als.relay.topic", () -> TOPIC + ".metrics");
        }
    }

    @Test
    void runsOnItsOwnDatabaseAndTopic(@Autowired RelayProperties relay) {
        assertThat(jdbc.queryForObject("select current_database()", String.class)).startsWith("metrics_");
        assertThat(relay.topic()).isEqualTo(TOPIC + ".metrics");
    }

    @Test
    void successfulCommandsAreCountedByTypeWithOutcomeSuccess() {
        Map<String, String> launched = Map.of("command", "LaunchProgramme", "outcome", "success");
        double before = sum(scrape(), COMMANDS, launched);

        Scenario scenario = new Scenario(http);
        scenario.launchProgramme("Metrics one");
        scenario.launchProgramme("Metrics two");

        List<Sample> after = scrape();
        assertThat(sum(after, COMMANDS, launched)).isGreaterThanOrEqualTo(2).isEqualTo(before + 2);
        assertThat(sum(after, "als_commands_seconds_sum", launched)).isPositive();
        assertThat(samples(after, COMMANDS, launched)).allSatisfy(s ->
                assertThat(s.labels()).containsEntry("application", "als-command-service"));
    }

    @Test
    void rejectedCommandsAreCountedWithTheirFailureOutcome() {
        Map<String, String> ruleViolated = Map.of("command", "CloseProgramme", "outcome", "DomainRuleViolation");
        Map<String, String> notFound = Map.of("command", "RecordProgrammeCost", "outcome", "not_found");
        Map<String, String> closed = Map.of("command", "CloseProgramme", "outcome", "success");
        List<Sample> before = scrape();

        UUID programmeId = new Scenario(http).launchProgramme("Metrics failures");
        Map<String, String> close = Map.of("closedOn", "2026-06-30");
        Scenario.ok(http.post("/api/programmes/" + programmeId + "/close", close));
        assertThat(http.post("/api/programmes/" + programmeId + "/close", close).status()).isEqualTo(409);
        assertThat(http.post("/api/programmes/" + UUID.randomUUID() + "/costs", Map.of("category", "VENUE",
                "amount", 10, "incurredOn", "2026-01-10")).status()).isEqualTo(404);

        List<Sample> after = scrape();
        assertThat(sum(after, COMMANDS, closed) - sum(before, COMMANDS, closed)).isEqualTo(1);
        assertThat(sum(after, COMMANDS, ruleViolated) - sum(before, COMMANDS, ruleViolated)).isEqualTo(1);
        assertThat(sum(after, COMMANDS, notFound) - sum(before, COMMANDS, notFound)).isEqualTo(1);
    }

    @Test
    void appendedEventsAreCountedByType() {
        Map<String, String> launched = Map.of("type", "ProgrammeLaunched");
        Map<String, String> formed = Map.of("type", "SetFormed");
        List<Sample> before = scrape();

        Scenario scenario = new Scenario(http);
        UUID programmeId = scenario.launchProgramme("Metrics events");
        scenario.formSet(programmeId, "Set A");
        scenario.formSet(programmeId, "Set B");

        List<Sample> after = scrape();
        assertThat(sum(after, APPENDED, launched)).isGreaterThanOrEqualTo(1);
        assertThat(sum(after, APPENDED, launched) - sum(before, APPENDED, launched)).isEqualTo(1);
        assertThat(sum(after, APPENDED, formed) - sum(before, APPENDED, formed)).isEqualTo(2);
    }

    @Test
    void relayLagIsReportedAndDrainsToZeroOnceEventsArePublished() throws InterruptedException {
        new Scenario(http).launchProgramme("Metrics relay");

        List<Sample> first = scrape();
        assertThat(samples(first, RELAY_LAG, Map.of())).hasSize(1);
        assertThat(sum(first, RELAY_LAG, Map.of())).isGreaterThanOrEqualTo(0);

        double lag = sum(first, RELAY_LAG, Map.of());
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (lag > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            lag = sum(scrape(), RELAY_LAG, Map.of());
        }
        assertThat(lag).isZero();
    }

    // ---- a small parser of the Prometheus text format

    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+)(?:\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private List<Sample> scrape() {
        Response response = http.get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        List<Sample> samples = new ArrayList<>();
        for (String line : response.raw().split("\n")) {
            Matcher m = LINE.matcher(line.strip());
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return samples;
    }

    private static List<Sample> samples(List<Sample> all, String name, Map<String, String> labels) {
        return all.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    /** The sum over the samples of that name carrying those labels; 0 when there are none yet. */
    private static double sum(List<Sample> all, String name, Map<String, String> labels) {
        return samples(all, name, labels).stream().mapToDouble(Sample::value).sum();
    }
}
