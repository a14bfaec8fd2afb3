package org.actionlearning.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the projection's health says something is wrong.
 *
 * @param stalledAfter       the projection is DOWN when its consumer thread has not completed a poll for this long
 *                           (an empty poll completes every poll timeout, so a quiet topic does not count)
 * @param parkedWarningAfter the projection's gaps turn WARNING when an aggregate's events have waited this long for
 *                           a missing sequence
 */
@ConfigurationProperties("als.projection.health")
public record ProjectionHealthProperties(@DefaultValue("60s") Duration stalledAfter,
                                         @DefaultValue("1m") Duration parkedWarningAfter) {
}
