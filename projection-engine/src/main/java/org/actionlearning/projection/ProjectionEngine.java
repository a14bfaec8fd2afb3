package org.actionlearning.projection;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The projection runtime, for a service to {@code @Import}: the consumer, its batches, database pool, dead letters,
 * rebuilds and health, and their properties ({@code als.projection.*}). The service provides the {@link Projection}
 * beans. Imported rather than auto-configured, because the launcher runs the command and query services on one
 * classpath and only the query service may have them.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@ConfigurationPropertiesScan
public class ProjectionEngine {
}
