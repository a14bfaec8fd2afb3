package org.actionlearning.launcher;

import org.actionlearning.testsupport.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.launcher.LauncherSettings.DemoMode;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pointed at an external PostgreSQL and Kafka, the launcher starts neither embedded one, and both services share
 * the one database without clashing (separate tables and Flyway histories).
 */
class ExternalComponentsTest {

    @TempDir
    Path dataDirectory;

    @Test
    void externalPostgresAndKafkaReplaceTheEmbeddedOnes() throws Exception {
        String database = EmbeddedInfrastructure.newDatabase("external");
        LauncherSettings settings = new LauncherSettings(dataDirectory, freePort(), freePort(), freePort(),
                freePort(), database, EmbeddedInfrastructure.kafkaBootstrapServers(), DemoMode.NEVER,
                null);

        try (PlatformLauncher launcher = new PlatformLauncher()) {
            launcher.start(settings);
            assertThat(dataDirectory.resolve("postgres")).doesNotExist();
            assertThat(dataDirectory.resolve("kafka")).doesNotExist();

            String name = "External " + UUID.randomUUID();
            HttpJson commands = new HttpJson(launcher.commandUrl()).withAuthorization(launcher.adminAuthorization());
            assertThat(commands.post("/api/programmes", Map.of("organisation", "O", "name", name, "sponsor", "S",
                    "startsOn", "2026-01-05", "currency", "EUR")).status()).isEqualTo(201);
            HttpJson queries = new HttpJson(launcher.queryUrl()).withAuthorization(launcher.adminAuthorization());
            await().atMost(Duration.ofSeconds(30)).until(() -> queries.get("/api/programmes").raw().contains(name));

            assertThat(tables(database)).contains("domainevententry", "programme", "flyway_history_command",
                    "flyway_history_query");
        }
    }

    private static List<String> tables(String url) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             ResultSet rs = connection.createStatement().executeQuery(
                     "select table_name from information_schema.tables where table_schema = 'public'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static int freePort() throws IOException {
        return FreePorts.next();
    }
}
