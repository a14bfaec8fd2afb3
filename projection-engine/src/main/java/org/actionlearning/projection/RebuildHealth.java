package org.actionlearning.projection;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The actuator component "rebuild": OUT_OF_SERVICE while the read models are emptied and replayed (also a rebuild
 * resumed after a restart), so that the readiness group takes the instance out until the replay has caught up.
 */
@Component("rebuildHealthIndicator")
public class RebuildHealth extends AbstractHealthIndicator {

    private final ProjectionConsumer consumer;

    public RebuildHealth(ProjectionConsumer consumer) {
        super("rebuild state could not be read");
        this.consumer = consumer;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        RebuildStatus status = consumer.rebuildStatus();
        builder.status(status.rebuilding() ? Status.OUT_OF_SERVICE : Status.UP)
                .withDetail("state", status.state())
                .withDetail("progress", status.progress());
    }
}
