package org.actionlearning.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The event store's settings as the service binds them: the documented defaults, and a bad interval refused. */
class EventStorePropertiesTest {

    @Test
    void withNothingSetTheDefaultsAreASnapshotEvery100EventsAndARecheckEverySecond() {
        EventStoreProperties properties = bind(Map.of());

        assertThat(properties.snapshotThreshold()).isEqualTo(100);
        assertThat(properties.headRecheckInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.aggregateCache()).isTrue();
        assertThat(EventStoreConfiguration.aggregateCache(properties)).isInstanceOf(WeakReferenceCache.class);
    }

    @Test
    void scaledOutTheAggregateCacheIsOff() {
        EventStoreProperties properties = bind(Map.of("als.eventstore.aggregate-cache", "false"));

        assertThat(EventStoreConfiguration.aggregateCache(properties)).isSameAs(NoCache.INSTANCE);
    }

    @Test
    void anIntervalIsReadInSpringsDurationFormat() {
        assertThat(bind(Map.of("als.eventstore.head-recheck-interval", "250ms")).headRecheckInterval())
                .isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aNegativeRecheckIntervalIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("als.eventstore.head-recheck-interval", "-1s")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("als.eventstore.head-recheck-interval must not be negative, not PT-1S");
    }

    private static EventStoreProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("als.eventstore", EventStoreProperties.class);
    }
}
