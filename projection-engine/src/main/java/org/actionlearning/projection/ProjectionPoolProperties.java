package org.actionlearning.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The projection's own connection pool.
 *
 * @param maximumSize       connections: one per writer ({@code als.projection.writers}, 2 by default), one for the
 *                          consumer thread (stored offsets, replays, rebuild resets), one for health and metrics
 * @param connectionTimeout how long the projection waits for a connection before its poll fails (and is retried)
 */
@ConfigurationProperties("als.projection.pool")
public record ProjectionPoolProperties(@DefaultValue("4") int maximumSize,
                                       @DefaultValue("30s") Duration connectionTimeout) {

    public ProjectionPoolProperties {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("als.projection.pool.maximum-size must be at least 1, not " + maximumSize);
        }
    }
}
