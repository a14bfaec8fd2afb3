package org.actionlearning.launcher;

import org.actionlearning.testsupport.FreePorts;
import org.actionlearning.command.CommandServiceApplication;
import org.actionlearning.query.QueryServiceApplication;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestIdentity;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Both services on the embedded PostgreSQL and Kafka broker, as the browser sees them: each on a port chosen before
 * either starts, so the query service's pages know the command API's URL and the command service allows the query
 * service's origin (the meeting console calls the command API from the browser).
 */
public final class BothServices implements AutoCloseable {

    public final String commandUrl;
    public final String queryUrl;
    /** JDBC URLs of each side's database (user and password "postgres"), and the events topic. */
    public final String commandDatabaseUrl;
    public final String queryDatabaseUrl;
    public final String topic;
    /**
     * The query side's consumer group, of these services only: another pair left running on the same broker (a
     * shared one) must not count as an instance of this one (a rebuild is refused while others project).
     */
    public final String projectionGroup;
    /** Both signed in as the first administrator (ADMIN of every organisation). */
    public final HttpJson commands;
    public final HttpJson queries;
    /** The application clock of both services (the system clock unless a test moves it). */
    public final MovableClock clock = new MovableClock();
    private final ConfigurableApplicationContext commandSide;
    private final ConfigurableApplicationContext querySide;

    public BothServices(String name) {
        this(name, null);
    }

    /**
     * Both services, the command service on an existing database (e.g. a restored event store; null: a new one),
     * with a new topic and a new query database.
     */
    public BothServices(String name, String existingCommandDatabaseUrl) {
        this(name, existingCommandDatabaseUrl, new String[0]);
    }

    /** As above, with more arguments for the command service (e.g. {@code --als.identity.sign-in.window=PT1M}). */
    public BothServices(String name, String existingCommandDatabaseUrl, String... commandArguments) {
        int commandPort = freePort();
        int queryPort = freePort();
        commandUrl = "http://localhost:" + commandPort;
        queryUrl = "http://localhost:" + queryPort;
        String kafka = EmbeddedInfrastructure.kafkaBootstrapServers();
        topic = "als.events." + name;
        projectionGroup = "als-query-projections-" + name;
        commandDatabaseUrl = existingCommandDatabaseUrl != null ? existingCommandDatabaseUrl
                : EmbeddedInfrastructure.newDatabase(name + "_commands");
        queryDatabaseUrl = EmbeddedInfrastructure.newDatabase(name + "_queries");
        java.util.List<String> arguments = new java.util.ArrayList<>(java.util.List.of(
                "--server.port=" + commandPort,
                "--spring.datasource.url=" + commandDatabaseUrl,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--als.relay.bootstrap-servers=" + kafka, "--als.relay.topic=" + topic,
                "--als.cors.allowed-origins=" + queryUrl));
        arguments.addAll(java.util.List.of(commandArguments));
        commandSide = CommandServiceApplication.builder().initializers(this::useClock)
                .run(TestIdentity.with(arguments.toArray(String[]::new)));
        querySide = startQueryInstance(queryPort);
        commands = new HttpJson(commandUrl).as(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD);
        queries = new HttpJson(queryUrl).as(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD);
    }

    private void useClock(ConfigurableApplicationContext context) {
        context.getBeanFactory().registerSingleton("movableClock", clock);
    }

    /** The command service (its beans, e.g. the relay's event processor). */
    public ConfigurableApplicationContext commandSide() {
        return commandSide;
    }

    /** The query service started with the command service (its beans, e.g. its meter registry). */
    public ConfigurableApplicationContext querySide() {
        return querySide;
    }

    /**
     * A query-service instance on the same database and topic, in the same consumer group (as a second instance
     * behind a load balancer is): the topic's partitions are shared among the instances. The caller closes it.
     */
    public ConfigurableApplicationContext startQueryInstance(int port) {
        return QueryServiceApplication.builder().initializers(this::useClock).run(TestIdentity.with(
                "--server.port=" + port,
                "--spring.datasource.url=" + queryDatabaseUrl,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--als.projection.bootstrap-servers=" + EmbeddedInfrastructure.kafkaBootstrapServers(),
                "--als.projection.topic=" + topic, "--als.projection.group-id=" + projectionGroup,
                "--als.ui.command-api-url=" + commandUrl, "--als.security.identity-url=" + commandUrl,
                "--als.personal-data.vault-url=" + commandUrl));
    }

    /**
     * Creates a user with these grants (e.g. {@code "FACILITATOR:" + setId}) through the command API, as the
     * administrator; the answer is the query side signed in as them with HTTP Basic.
     */
    public HttpJson queriesAs(String username, String... grants) {
        createUser(username, null, grants);
        return queries.as(username, PASSWORD);
    }

    /** Creates a user (for any service: use {@code .as(username, PASSWORD)} on a client). */
    public void createUser(String username, java.util.UUID personId, String... grants) {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("username", username);
        body.put("password", PASSWORD);
        body.put("personId", personId);
        body.put("grants", java.util.List.of(grants));
        HttpJson.Response created = commands.post("/api/users", body);
        if (created.status() != 201) {
            throw new IllegalStateException("creating user " + username + ": " + created.status() + " " + created.raw());
        }
    }

    /** The password of every user made by {@link #createUser}. */
    public static final String PASSWORD = "password-of-a-test-user";

    public static int freePort() {
        return FreePorts.next();
    }

    @Override
    public void close() {
        querySide.close();
        commandSide.close();
    }
}
