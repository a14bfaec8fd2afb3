package org.actionlearning.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.MeterRegistry;
import org.actionlearning.events.envelope.EventJson;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The event store: Axon's JDBC engine on PostgreSQL (tables from Flyway), Jackson for events, snapshots and
 * tokens; caching and snapshots for the service's long-lived aggregates ({@link #aggregateCache},
 * {@link #snapshotTrigger}).
 */
@Configuration
public class EventStoreConfiguration {

    /** Events are stored in the same JSON as the published language, with its versions as revisions. */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return jackson(EventJson.mapper().copy());
    }

    /**
     * Tokens, snapshots and other Axon internals: plain Jackson. Not the strict event mapper, whose refusal of
     * missing creator properties would make Axon's own ReplayToken unreadable after a reset.
     */
    @Bean
    @Primary
    public Serializer serializer() {
        return jackson(JsonMapper.builder().addModule(new JavaTimeModule()).build());
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return jackson(JsonMapper.builder().addModule(new JavaTimeModule()).build());
    }

    private static Serializer jackson(ObjectMapper mapper) {
        return JacksonSerializer.builder()
                .objectMapper(mapper)
                .revisionResolver(new EventTypeRevisionResolver())
                .build();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Serializer serializer, ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 org.axonframework.config.Configuration configuration,
                                                 MeterRegistry registry, EventStoreProperties properties) {
        JdbcEventStorageEngine engine = new HeadOfStreamJdbcEngine(JdbcEventStorageEngine.builder()
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(new PostgresDuplicateKeyResolver())
                // set here rather than left to Axon's defaults: the bounds on a transaction's life are checked
                // against them (EventStoreProperties)
                .maxGapOffset(properties.maxGapOffset())
                .gapTimeout(Math.toIntExact(properties.gapTimeout().toMillis()))
                .connectionProvider(connectionProvider), transactionManager, properties.headRecheckInterval(),
                properties.appendCommitDeadline());
        return new CountingEventStorageEngine(engine, registry);
    }

    /** PostgreSQL's session timeouts on the service's connections (static: a post-processor, made early). */
    @Bean
    static SessionTimeouts sessionTimeouts(
            org.springframework.beans.factory.ObjectProvider<EventStoreProperties> properties) {
        return new SessionTimeouts(properties);
    }

    /** Older stored events are read in the current shape of the published language. */
    @Bean
    public ConfigurerModule publishedLanguageUpcasting() {
        return configurer -> configurer.registerEventUpcaster(c -> new PublishedLanguageUpcaster());
    }

    /**
     * A snapshot every {@code als.eventstore.snapshot-threshold} events, for a long-lived aggregate's
     * {@code snapshotTriggerDefinition} (the service names the bean its aggregate refers to).
     */
    public static SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter, EventStoreProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /** Aggregates in memory between commands, or none when several instances run (see EventStoreProperties). */
    public static Cache aggregateCache(EventStoreProperties properties) {
        return properties.aggregateCache() ? new WeakReferenceCache() : NoCache.INSTANCE;
    }
}
