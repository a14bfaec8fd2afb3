package org.actionlearning.command.eventstore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param snapshotThreshold   events after which a learning set is snapshotted
 * @param headRecheckInterval how often at most the head of the event stream is read when nothing was committed here,
 *                            looking past a gap wider than a batch ({@link HeadOfStreamJdbcEngine}): the longest an
 *                            event stored by another process, or behind such a gap, is read late
 * @param aggregateCache      whether learning sets stay in memory between commands. Only for a single instance:
 *                            a cached set is not reloaded, so with several instances behind round-robin routing one
 *                            would check commands against a set another has since changed (spurious 409s and
 *                            wrong rule rejections). Set it false whenever more than one instance runs.
 */
@ConfigurationProperties("als.eventstore")
public record EventStoreProperties(@DefaultValue("100") int snapshotThreshold,
                                   @DefaultValue("1s") Duration headRecheckInterval,
                                   @DefaultValue("true") boolean aggregateCache) {

    public EventStoreProperties {
        if (headRecheckInterval.isNegative()) {
            throw new IllegalArgumentException("als.eventstore.head-recheck-interval must not be negative, not "
                    + headRecheckInterval);
        }
    }
}
