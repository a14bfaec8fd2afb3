package org.actionlearning.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.actionlearning.command.CommandServiceApplication;
import org.actionlearning.query.QueryServiceApplication;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson;
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
    public final HttpJson commands;
    public final HttpJson queries;
    private final ConfigurableApplicationContext commandSide;
    private final ConfigurableApplicationContext querySide;

    public BothServices(String name) {
        int commandPort = freePort();
        int queryPort = freePort();
        commandUrl = "http://localhost:" + commandPort;
        queryUrl = "http://localhost:" + queryPort;
        String kafka = EmbeddedInfrastructure.kafkaBootstrapServers();
        topic = "als.events." + name;
        commandDatabaseUrl = EmbeddedInfrastructure.newDatabase(name + "_commands");
        queryDatabaseUrl = EmbeddedInfrastructure.newDatabase(name + "_queries");
        commandSide = CommandServiceApplication.builder().run(
                "--server.port=" + commandPort,
                "--spring.datasource.url=" + commandDatabaseUrl,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--als.relay.bootstrap-servers=" + kafka, "--als.relay.topic=" + topic,
                "--als.cors.allowed-origins=" + queryUrl);
        querySide = QueryServiceApplication.builder().run(
                "--server.port=" + queryPort,
                "--spring.datasource.url=" + queryDatabaseUrl,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--als.projection.bootstrap-servers=" + kafka, "--als.projection.topic=" + topic,
                "--als.ui.command-api-url=" + commandUrl, "--als.personal-data.vault-url=" + commandUrl);
        commands = new HttpJson(commandUrl);
        queries = new HttpJson(queryUrl);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        querySide.close();
        commandSide.close();
    }
}
