package org.actionlearning.command.support;

import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestIdentity;

import org.actionlearning.command.CommandServiceApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The command service running for real on an embedded PostgreSQL and an in-process Kafka broker, shared by the
 * test classes that extend this (one Spring context). Tests isolate themselves by their own programme ids.
 */
@SpringBootTest(classes = CommandServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {CommandServiceApplication.CONFIG_NAME, "als.security.jwt-secret=" + TestIdentity.JWT_SECRET,
                "als.identity.admin-password=" + TestIdentity.ADMIN_PASSWORD,
                "als.security.service-password=" + TestIdentity.SERVICE_PASSWORD,
                "als.personal-data.master-key=" + TestIdentity.MASTER_KEY})
public abstract class CommandServiceTest {

    public static final String TOPIC = "als.events.test";
    private static final String DATABASE_URL = EmbeddedInfrastructure.newDatabase("commands");

    @LocalServerPort
    protected int port;
    /** Signed in as the first administrator (ADMIN of every organisation). */
    protected HttpJson http;
    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.useDatabase(registry, DATABASE_URL);
        registry.add("als.relay.bootstrap-servers", EmbeddedInfrastructure::kafkaBootstrapServers);
        registry.add("als.relay.topic", () -> TOPIC);
        registry.add("als.relay.partitions", () -> 3);
    }

    @BeforeEach
    void client() {
        http = new HttpJson("http://localhost:" + port).as(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD);
    }

    /** Events in the store, for the tests that show a request stored nothing (or exactly one event). */
    protected long storedEvents() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }
}
