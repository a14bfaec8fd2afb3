package org.actionlearning.projection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * What must hold before a rebuild empties the read models: a rebuild truncates every partition's rows but can replay
 * only the partitions this instance owns, and only the records the topic still holds. So it is refused while the
 * consumer group has another member (their partitions would stay empty until their next restart), and while any
 * partition's earliest offset is not 0 (records deleted or expired: the read models would silently lack them).
 */
@Component
public class RebuildPreconditions implements DisposableBean {

    private static final long TIMEOUT_SECONDS = 10;

    private final ProjectionProperties properties;
    private volatile Admin admin;

    public RebuildPreconditions(ProjectionProperties properties) {
        this.properties = properties;
    }

    /** Why a rebuild cannot run now, or null if it can. */
    public record Refusal(String title, String detail, List<String> missing) {
    }

    /** Asks Kafka: the group's members, the topic's partitions' earliest offsets. */
    public Refusal check() {
        if (!properties.enabled()) {
            return new Refusal("Projection disabled here", "this instance does not project (als.projection.enabled="
                    + "false): ask an instance that does", List.of());
        }
        try {
            ConsumerGroupDescription group = admin().describeConsumerGroups(List.of(properties.groupId()))
                    .describedGroups().get(properties.groupId()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (group.members().size() != 1) {
                return new Refusal("Other instances project too", ("consumer group %s has %d members (%s): a rebuild "
                        + "empties every partition's read models but replays only this instance's partitions; stop "
                        + "projection on the other instances first (als.projection.enabled=false)").formatted(
                        properties.groupId(), group.members().size(), group.members().stream()
                                .map(m -> m.clientId() + "@" + m.host()).collect(Collectors.joining(", "))),
                        List.of());
            }
            TopicDescription topic = admin().describeTopics(List.of(properties.topic())).topicNameValues()
                    .get(properties.topic()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> earliest = new TreeMap<>(
                    java.util.Comparator.comparingInt(TopicPartition::partition));
            topic.partitions().forEach(p -> earliest.put(new TopicPartition(properties.topic(), p.partition()),
                    OffsetSpec.earliest()));
            Map<TopicPartition, Long> begin = new TreeMap<>(java.util.Comparator.comparingInt(TopicPartition::partition));
            admin().listOffsets(earliest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .forEach((tp, info) -> begin.put(tp, info.offset()));
            return missingHistory(properties.topic(), begin);
        } catch (ExecutionException | TimeoutException e) {
            return new Refusal("Kafka did not answer", "could not check the consumer group and the topic before a "
                    + "rebuild: " + e, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Refusal("Interrupted", "interrupted while checking the topic", List.of());
        }
    }

    /** A refusal naming each partition whose first records are gone, or null when every one starts at offset 0. */
    static Refusal missingHistory(String topic, Map<TopicPartition, Long> beginningOffsets) {
        List<String> missing = new ArrayList<>();
        beginningOffsets.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(TopicPartition::partition)))
                .forEach(e -> missing.add("partition %d: offsets 0 to %d deleted or expired (earliest offset %d)"
                        .formatted(e.getKey().partition(), e.getValue() - 1, e.getValue())));
        if (missing.isEmpty()) {
            return null;
        }
        return new Refusal("The topic lacks events", "topic " + topic + " no longer holds every event, a rebuild would "
                + "build read models without them; re-publish the history from the event store first: "
                + String.join("; ", missing), missing);
    }

    /** A refusal when this member does not own every partition of the topic (checked again on its own thread). */
    static Refusal notEveryPartition(String topic, int partitions, Collection<TopicPartition> assigned) {
        if (assigned.size() >= partitions) {
            return null;
        }
        return new Refusal("Other instances project too", "this instance owns %d of the %d partitions of %s: a rebuild "
                .formatted(assigned.size(), partitions, topic) + "would leave the others' read models empty",
                List.of());
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    int timeout = (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS);
                    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                            properties.bootstrapServers(), AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout));
                }
            }
        }
        return admin;
    }

    @Override
    public void destroy() {
        if (admin != null) {
            admin.close();
        }
    }
}
