package org.actionlearning.eventstore.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The topics the relay creates keep every event; existing ones are corrected, or refused when they cannot be. */
class RelayTopicsTest {

    private static final String BOOTSTRAP = EmbeddedInfrastructure.kafkaBootstrapServers();
    private final String topic = "als.events.topics-" + UUID.randomUUID();
    private final Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP));

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void theEventsAndDeadLetterTopicsAreCreatedWithInfiniteRetentionAndTheConfiguredPartitions() throws Exception {
        new RelayTopics(properties(3, false)).afterPropertiesSet();

        for (String created : new String[] {topic, topic + ".dlq"}) {
            Config config = config(created);
            assertThat(config.get("retention.ms").value()).as(created).isEqualTo("-1");
            assertThat(config.get("retention.bytes").value()).as(created).isEqualTo("-1");
            assertThat(config.get("cleanup.policy").value()).as(created).isEqualTo("delete");
            assertThat(config.get("min.insync.replicas").value()).as(created).isEqualTo("1");
            assertThat(partitions(created)).as(created).isEqualTo(3);
        }
    }

    @Test
    void anExistingTopicWithTheBrokersSevenDayRetentionIsCorrectedToInfinite() throws Exception {
        create(topic, 3, Map.of());
        assertThat(config(topic).get("retention.ms").value()).isEqualTo("604800000");

        new RelayTopics(properties(3, false)).afterPropertiesSet();

        assertThat(config(topic).get("retention.ms").value()).isEqualTo("-1");
        assertThat(config(topic).get("retention.bytes").value()).isEqualTo("-1");
    }

    @Test
    void theOperatorCanKeepAFiniteRetentionExplicitly() throws Exception {
        create(topic, 3, Map.of("retention.ms", "86400000"));

        new RelayTopics(properties(3, true)).afterPropertiesSet();

        assertThat(config(topic).get("retention.ms").value()).isEqualTo("86400000");
    }

    @Test
    void aTopicWithAnotherPartitionCountStopsTheStartNamingBothCounts() throws Exception {
        create(topic, 2, Map.of());

        assertThatThrownBy(() -> new RelayTopics(properties(3, false)).afterPropertiesSet())
                .isInstanceOf(RelayTopics.TopicMisconfigured.class)
                .hasMessageStartingWith("Topic " + topic + " has 2 partitions but als.relay.partitions is 3");
    }

    @Test
    void aCompactedTopicStopsTheStart() throws Exception {
        create(topic, 3, Map.of("cleanup.policy", "compact"));
        // the broker's metadata has the new topic before the relay looks (else it would seem not to exist yet)
        assertThat(config(topic).get("cleanup.policy").value()).isEqualTo("compact");

        assertThatThrownBy(() -> new RelayTopics(properties(3, false)).afterPropertiesSet())
                .isInstanceOf(RelayTopics.TopicMisconfigured.class)
                .hasMessageContaining("cleanup.policy=compact");
    }

    private RelayProperties properties(int partitions, boolean keepFiniteRetention) {
        return new RelayProperties(BOOTSTRAP, topic, "", partitions, (short) 1, 1, keepFiniteRetention, "",
                Duration.ofSeconds(60), Duration.ofSeconds(25));
    }

    private void create(String name, int partitions, Map<String, String> configs) throws Exception {
        admin.createTopics(Set.of(new NewTopic(name, partitions, (short) 1).configs(configs))).all()
                .get(20, TimeUnit.SECONDS);
    }

    /** The topic's configuration, once the broker's metadata has the new topic (bounded wait). */
    private Config config(String name) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return admin.describeConfigs(Set.of(resource)).all().get(20, TimeUnit.SECONDS).get(resource);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private int partitions(String name) throws Exception {
        return admin.describeTopics(Set.of(name)).allTopicNames().get(20, TimeUnit.SECONDS).get(name)
                .partitions().size();
    }
}
