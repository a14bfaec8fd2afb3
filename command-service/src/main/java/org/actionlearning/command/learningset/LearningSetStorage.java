package org.actionlearning.command.learningset;

import org.actionlearning.eventstore.EventStoreConfiguration;
import org.actionlearning.eventstore.EventStoreProperties;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A learning set lives for years of meetings: it is kept in memory between commands and sourced from a snapshot
 * plus the events after it, not from its whole history ({@link LearningSet}'s {@code @Aggregate} names these beans).
 */
@Configuration(proxyBeanMethods = false)
class LearningSetStorage {

    @Bean
    SnapshotTriggerDefinition learningSetSnapshotTrigger(Snapshotter snapshotter, EventStoreProperties properties) {
        return EventStoreConfiguration.snapshotTrigger(snapshotter, properties);
    }

    /** None when several instances run: another may have changed the set since (see EventStoreProperties). */
    @Bean
    Cache learningSetCache(EventStoreProperties properties) {
        return EventStoreConfiguration.aggregateCache(properties);
    }
}
