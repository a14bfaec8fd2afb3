package org.actionlearning.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.CommandServiceApplication;
import org.actionlearning.command.support.Scenario;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two command instances on one event store, as behind a round-robin load balancer, with the aggregate cache off
 * as the operations docs prescribe when scaled out: a set changed through one instance is seen by the other at its
 * next command. (With the cache on, the first instance checked the meeting against its own stale copy of the set,
 * which lacked the member added through the second, and refused it.)
 */
class ScaledOutInstancesTest {

    private static final String DATABASE_URL = EmbeddedInfrastructure.newDatabase("scaledout");
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        first = start();
        second = start();
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private static ConfigurableApplicationContext start() {
        // as command-line arguments: above the service's own YAML, which reads the secrets from the environment
        return CommandServiceApplication.builder().run(
                "--server.port=0",
                "--spring.datasource.url=" + DATABASE_URL,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--als.security.jwt-secret=" + TestIdentity.JWT_SECRET,
                "--als.identity.admin-password=" + TestIdentity.ADMIN_PASSWORD,
                "--als.security.service-password=" + TestIdentity.SERVICE_PASSWORD,
                "--als.personal-data.master-key=" + TestIdentity.MASTER_KEY,
                "--als.relay.bootstrap-servers=" + EmbeddedInfrastructure.kafkaBootstrapServers(),
                "--als.relay.topic=als.events.scaledout",
                "--als.relay.partitions=1",
                "--als.eventstore.aggregate-cache=false");
    }

    private static HttpJson client(ConfigurableApplicationContext instance) {
        return new HttpJson("http://localhost:" + instance.getEnvironment().getProperty("local.server.port"))
                .as(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD);
    }

    @Test
    void aSetChangedThroughOneInstanceIsCheckedAsItIsNowByTheOther() {
        Scenario viaFirst = new Scenario(client(first));
        UUID setId = viaFirst.formSet(viaFirst.launchProgramme("Two instances"), "Round robin");
        UUID ann = viaFirst.addMembers(setId, 1).get(0);
        UUID meetingId = viaFirst.scheduleMeeting(setId, "2026-02-02");

        UUID ben = new Scenario(client(second)).addMembers(setId, 1).get(0);

        HttpJson.Response opened = client(first).post("/api/sets/" + setId + "/meetings/" + meetingId + "/open",
                Map.of("attendees", List.of(ann, ben)));
        assertThat(opened.status()).as(opened.raw()).isBetween(200, 204);
    }
}
