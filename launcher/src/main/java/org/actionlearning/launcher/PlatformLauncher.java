package org.actionlearning.launcher;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;
import org.actionlearning.launcher.demo.DemoUsers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.actionlearning.command.CommandServiceApplication;
import org.actionlearning.launcher.demo.CaseStudies;
import org.actionlearning.launcher.demo.DemoLoader;
import org.actionlearning.launcher.demo.DemoProgramme;
import org.actionlearning.query.QueryServiceApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the whole platform in one JVM: an embedded PostgreSQL (data in {@code data/postgres}, loopback only, with a
 * password; see {@link EmbeddedDatabase}), an in-process
 * Kafka broker (data in {@code data/kafka}), the command service and the query service, and loads the demo
 * programmes on the first start. Ctrl-C stops everything.
 */
public final class PlatformLauncher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PlatformLauncher.class);
    private static final String COMMAND_DATABASE = "als_commands";
    private static final String QUERY_DATABASE = "als_queries";
    private static final String DEMO_USERS = "demo-users.tsv";

    private final List<AutoCloseable> started = new ArrayList<>();
    private String commandUrl;
    private String queryUrl;
    private PlatformSecrets secrets;
    private List<DemoUsers.DemoUser> demoUsers = List.of();

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        LauncherSettings settings = LauncherSettings.fromEnvironment();
        PlatformLauncher launcher = new PlatformLauncher();
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::close, "platform-shutdown"));
        try {
            launcher.start(settings);
        } catch (Exception e) {
            launcher.close();
            throw e;
        }
        System.out.println();
        System.out.println("Ready: " + launcher.queryUrl + "/");
        System.out.println("  command API: " + launcher.commandUrl + "/api   Swagger UI: " + launcher.commandUrl
                + "/swagger-ui.html");
        System.out.println("  query API:   " + launcher.queryUrl + "/api   Swagger UI: " + launcher.queryUrl
                + "/swagger-ui.html");
        launcher.printSignIn(settings);
        System.out.println("  Stop with Ctrl-C; data stays in " + settings.dataDirectory().toAbsolutePath());
    }

    /** Printed on the console, not logged: who can sign in, with which password. */
    private void printSignIn(LauncherSettings settings) {
        System.out.println("  Sign in as " + IdentityDefaults.ADMIN + " (ADMIN of every organisation), password "
                + (secrets.adminPasswordIsNew() ? secrets.adminPassword() + " (kept in " : "in ")
                + settings.dataDirectory().resolve(PlatformSecrets.FILE).toAbsolutePath()
                + (secrets.adminPasswordIsNew() ? ")" : ""));
        if (!demoUsers.isEmpty()) {
            System.out.println("  Demo users, password " + DemoUsers.PASSWORD + ":");
            demoUsers.forEach(u -> System.out.printf("    %-28s %s%n", u.username(), u.role()));
        }
    }

    void start(LauncherSettings settings) throws IOException, SQLException {
        Files.createDirectories(settings.dataDirectory());
        secrets = PlatformSecrets.in(settings.dataDirectory(), settings.adminPassword());
        String commandBase = "http://localhost:" + settings.commandPort();
        String queryBase = "http://localhost:" + settings.queryPort();
        // the meeting console (query side) calls the command API from the browser
        List<String> commandArgs = new ArrayList<>(List.of("--server.port=" + settings.commandPort(),
                "--als.cors.allowed-origins=" + queryBase,
                // emailed set-password links lead to the pages' set-password form
                "--als.identity.set-password-url=" + queryBase + "/set-password"));
        List<String> queryArgs = new ArrayList<>(List.of("--server.port=" + settings.queryPort(),
                "--als.ui.command-api-url=" + commandBase,
                // names and texts are sealed; the command service holds the keys and opens them for the read side
                "--als.personal-data.vault-url=" + commandBase));
        commandArgs.addAll(secrets.commandServiceArguments());
        queryArgs.addAll(secrets.queryServiceArguments(commandBase));

        if (settings.externalDatasourceUrl() == null) {
            EmbeddedPostgres postgres = EmbeddedDatabase.start(settings.dataDirectory().resolve("postgres"),
                    settings.postgresPort(), secrets.databasePassword());
            started.add(postgres);
            createDatabases(postgres);
            commandArgs.addAll(datasource(postgres.getJdbcUrl(EmbeddedDatabase.SUPERUSER, COMMAND_DATABASE)));
            queryArgs.addAll(datasource(postgres.getJdbcUrl(EmbeddedDatabase.SUPERUSER, QUERY_DATABASE)));
            log.info("Embedded PostgreSQL on port {}", settings.postgresPort());
        } else {
            // one external database for both: their tables and Flyway histories have distinct names
            commandArgs.add("--spring.datasource.url=" + settings.externalDatasourceUrl());
            queryArgs.add("--spring.datasource.url=" + settings.externalDatasourceUrl());
        }
        if (settings.externalKafka() == null) {
            EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(settings.dataDirectory().resolve("kafka"),
                    settings.kafkaPort(), settings.kafkaPort() + 1, 6);
            started.add(kafka);
            commandArgs.add("--als.relay.bootstrap-servers=" + kafka.bootstrapServers());
            queryArgs.add("--als.projection.bootstrap-servers=" + kafka.bootstrapServers());
            log.info("Embedded Kafka broker on {}", kafka.bootstrapServers());
        } else {
            commandArgs.add("--als.relay.bootstrap-servers=" + settings.externalKafka());
            queryArgs.add("--als.projection.bootstrap-servers=" + settings.externalKafka());
        }

        // one shutdown hook (ours) stops the services before Kafka and PostgreSQL, in that order
        ConfigurableApplicationContext commands = CommandServiceApplication.builder().registerShutdownHook(false)
                .run(commandArgs.toArray(String[]::new));
        started.add(commands);
        ConfigurableApplicationContext queries = QueryServiceApplication.builder().registerShutdownHook(false)
                .run(queryArgs.toArray(String[]::new));
        started.add(queries);
        commandUrl = commandBase;
        queryUrl = queryBase;
        loadDemo(settings);
    }

    /**
     * Loads the case studies through the command API when wanted (always, or on the first start: no marker file
     * yet), marks the data directory, then waits until the query side lists them.
     */
    private void loadDemo(LauncherSettings settings) throws IOException {
        Path marker = settings.dataDirectory().resolve("demo-loaded");
        if (settings.demo() == LauncherSettings.DemoMode.NEVER
                || settings.demo() == LauncherSettings.DemoMode.FIRST_START && Files.exists(marker)) {
            demoUsers = DemoUsers.readFrom(settings.dataDirectory().resolve(DEMO_USERS));
            return;
        }
        List<DemoProgramme> demo = CaseStudies.all();
        String admin = adminAuthorization();
        List<DemoLoader.Loaded> loaded = new DemoLoader(commandUrl, admin, System.out).load(demo);
        demoUsers = DemoUsers.of(demo, loaded);
        DemoUsers.create(commandUrl, admin, demoUsers);
        Files.writeString(marker, "The demo programmes were loaded into this data directory.\n");
        Files.writeString(settings.dataDirectory().resolve(DEMO_USERS), demoUsers.stream()
                .map(u -> u.username() + "\t" + u.role()).collect(Collectors.joining("\n", "", "\n")));
        DemoLoader.awaitQuerySide(queryUrl, admin, demo, DemoLoader.QUERY_SIDE_TIMEOUT, System.out);
    }

    String commandUrl() {
        return commandUrl;
    }

    /** HTTP Basic as the first administrator, for the demo loader and tests. */
    String adminAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((IdentityDefaults.ADMIN + ":" + secrets.adminPassword())
                .getBytes(StandardCharsets.UTF_8));
    }

    String queryUrl() {
        return queryUrl;
    }

    /** The embedded PostgreSQL's superuser password, for tests that look at the stored rows. */
    String databasePassword() {
        return secrets.databasePassword();
    }

    private List<String> datasource(String url) {
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + EmbeddedDatabase.SUPERUSER,
                "--spring.datasource.password=" + secrets.databasePassword());
    }

    private static void createDatabases(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String database : List.of(COMMAND_DATABASE, QUERY_DATABASE)) {
                var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
                if (!exists.next()) {
                    statement.execute("create database " + database);
                }
            }
        }
    }

    /** Stops in reverse order: services first, then Kafka, then PostgreSQL. */
    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                log.warn("While stopping {}: {}", started.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        started.clear();
    }
}
