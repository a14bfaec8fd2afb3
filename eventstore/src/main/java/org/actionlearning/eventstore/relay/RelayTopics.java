package org.actionlearning.eventstore.relay;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The topics the platform needs (the events topic and the read side's dead-letter topic), created or verified before
 * the relay publishes anything. Both keep every record forever: a rebuild, a new query instance or a new consumer
 * group replays the events topic from offset 0, so an event that expired from it would silently be missing from
 * their read models.
 * <p>
 * At start-up a misconfiguration that would lose or misplace events stops the service: a partition count other than
 * {@code als.relay.partitions} (a programme's key would map to another partition, so its events would be split
 * across two orders) or compaction (only a programme's newest event would stay). A finite retention is corrected to
 * infinite, unless the operator asked to keep it ({@code als.relay.keep-finite-retention}, logged at every start).
 * If Kafka cannot be reached at start-up the service starts anyway (commands need only PostgreSQL); the relay then
 * verifies the topics before its first batch.
 */
@Component
public class RelayTopics implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(RelayTopics.class);
    private static final String INFINITE = "-1";
    private static final long TIMEOUT_SECONDS = 20;

    private final RelayProperties properties;
    private volatile boolean verified;

    public RelayTopics(RelayProperties properties) {
        this.properties = properties;
    }

    /** A topic whose configuration would lose or misplace events, and which the service will not correct. */
    public static class TopicMisconfigured extends IllegalStateException {
        TopicMisconfigured(String message) {
            super(message);
        }
    }

    @Override
    public void afterPropertiesSet() {
        try {
            verify();
        } catch (TopicMisconfigured e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Could not verify the Kafka topics at start-up ({}); the relay verifies them before it "
                    + "publishes", e.toString());
        }
    }

    /** Verifies the topics once per run (the relay calls this before each batch; cheap once verified). */
    public void ensureVerified() {
        if (!verified) {
            verify();
        }
    }

    public boolean verified() {
        return verified;
    }

    private synchronized void verify() {
        if (verified) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                properties.bootstrapServers(), AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000))) {
            ensureTopic(admin, properties.topic(), true);
            ensureTopic(admin, properties.deadLetterTopicName(), false);
            verified = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying the Kafka topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while verifying the topics: "
                    + (e.getCause() == null ? e : e.getCause()), e);
        }
    }

    private void ensureTopic(Admin admin, String topic, boolean checkPartitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        TopicDescription description = describe(admin, topic);
        if (description == null) {
            try {
                admin.createTopics(Set.of(new NewTopic(topic, properties.partitions(), properties.replicationFactor())
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, INFINITE,
                                TopicConfig.RETENTION_BYTES_CONFIG, INFINITE,
                                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                                Integer.toString(properties.minInsyncReplicas())))))
                        .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                log.info("Created topic {}: {} partitions, replication factor {}, min.insync.replicas {}, "
                                + "infinite retention", topic, properties.partitions(), properties.replicationFactor(),
                        properties.minInsyncReplicas());
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                description = describe(admin, topic); // another instance created it meanwhile
                if (description == null) {
                    throw new IllegalStateException("topic " + topic + " exists but is not described yet");
                }
            }
        }
        if (checkPartitions && description.partitions().size() != properties.partitions()) {
            throw new TopicMisconfigured(("Topic %s has %d partitions but als.relay.partitions is %d: a programme's "
                    + "events would move to another partition and lose their order. Set als.relay.partitions=%d, "
                    + "or move the events to a new topic (als.relay.topic) and re-publish them "
                    + "(POST /api/admin/relay/republish)").formatted(topic, description.partitions().size(),
                    properties.partitions(), description.partitions().size()));
        }
        verifyConfig(admin, topic);
    }

    private static TopicDescription describe(Admin admin, String topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            return admin.describeTopics(Set.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw e;
        }
    }

    private void verifyConfig(Admin admin, String topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(Set.of(resource)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .get(resource);
        String cleanup = value(config, TopicConfig.CLEANUP_POLICY_CONFIG);
        if (cleanup != null && cleanup.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            throw new TopicMisconfigured(("Topic %s has cleanup.policy=%s: compaction keeps only a programme's "
                    + "newest event. Set it to delete with infinite retention (kafka-configs --alter --entity-type "
                    + "topics --entity-name %s --add-config cleanup.policy=delete,retention.ms=-1,retention.bytes=-1)")
                    .formatted(topic, cleanup, topic));
        }
        List<String> finite = new ArrayList<>();
        for (String key : List.of(TopicConfig.RETENTION_MS_CONFIG, TopicConfig.RETENTION_BYTES_CONFIG)) {
            String value = value(config, key);
            if (!INFINITE.equals(value)) {
                finite.add(key + "=" + value);
            }
        }
        String minInsync = value(config, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
        if (minInsync != null && !minInsync.equals(Integer.toString(properties.minInsyncReplicas()))) {
            log.warn("Topic {} has min.insync.replicas={}, als.relay.min-insync-replicas is {} (left as it is)",
                    topic, minInsync, properties.minInsyncReplicas());
        }
        if (finite.isEmpty()) {
            return;
        }
        if (properties.keepFiniteRetention()) {
            log.warn("Topic {} keeps records only for {}: kept at the operator's request "
                    + "(als.relay.keep-finite-retention=true). Events older than that leave the topic, and a rebuild "
                    + "or a new consumer group would miss them unless they are re-published first", topic, finite);
            return;
        }
        Collection<AlterConfigOp> infinite = List.of(
                new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, INFINITE), AlterConfigOp.OpType.SET),
                new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_BYTES_CONFIG, INFINITE),
                        AlterConfigOp.OpType.SET));
        try {
            admin.incrementalAlterConfigs(Map.of(resource, infinite)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new TopicMisconfigured(("Topic %s keeps records only for %s and could not be set to infinite "
                    + "retention (%s). Set retention.ms=-1 and retention.bytes=-1 on it, or start with "
                    + "als.relay.keep-finite-retention=true to accept the loss").formatted(topic, finite, e.getCause()));
        }
        log.warn("Topic {} kept records only for {}: corrected to retention.ms=-1, retention.bytes=-1 (every event "
                + "stays, so the read models can always be rebuilt from the topic)", topic, finite);
    }

    private static String value(Config config, String key) {
        ConfigEntry entry = config.get(key);
        return entry == null ? null : entry.value();
    }
}
