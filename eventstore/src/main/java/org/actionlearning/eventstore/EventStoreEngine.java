package org.actionlearning.eventstore;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The event store and the relay, for a service to {@code @Import}: their beans and properties
 * ({@code als.eventstore.*}, {@code als.relay.*}). Imported rather than auto-configured, because the launcher runs
 * the command and query services on one classpath and only the command service may have them.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@ConfigurationPropertiesScan
public class EventStoreEngine {
}
