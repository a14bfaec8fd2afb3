package org.actionlearning.launcher;

import org.actionlearning.command.CommandServiceApplication;
import org.actionlearning.query.QueryServiceApplication;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The command and query services running side by side on one embedded PostgreSQL and Kafka broker. */
final class BothServices implements AutoCloseable {

    final ConfigurableApplicationContext commandSide;
    final ConfigurableApplicationContext querySide;
    final HttpJson commands;
    final HttpJson queries;

    BothServices(String name) {
        String kafka = EmbeddedInfrastructure.kafkaBootstrapServers();
        String topic = "als.events." + name;
        commandSide = CommandServiceApplication.builder().run(
                "--server.port=0",
                "--spring.datasource.url=" + EmbeddedInfrastructure.newDatabase(name + "_commands"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--als.relay.bootstrap-servers=" + kafka, "--als.relay.topic=" + topic);
        querySide = QueryServiceApplication.builder().run(
                "--server.port=0",
                "--spring.datasource.url=" + EmbeddedInfrastructure.newDatabase(name + "_queries"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--als.projection.bootstrap-servers=" + kafka, "--als.projection.topic=" + topic);
        commands = new HttpJson("http://localhost:" + port(commandSide));
        queries = new HttpJson("http://localhost:" + port(querySide));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        querySide.close();
        commandSide.close();
    }
}
