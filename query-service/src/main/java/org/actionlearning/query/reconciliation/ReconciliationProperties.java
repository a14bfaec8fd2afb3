package org.actionlearning.query.reconciliation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The comparison of each aggregate's last sequence stored and published (the command service) with the last applied
 * here.
 *
 * @param interval    how often the scheduled check runs; 0 turns it off (the admin endpoint still checks on demand)
 * @param behindAfter an aggregate behind for longer than this turns the "reconciliation" health component WARNING
 * @param pageSize    aggregates asked of the command service per request
 */
@ConfigurationProperties("als.reconciliation")
public record ReconciliationProperties(@DefaultValue("0s") Duration interval,
                                       @DefaultValue("5m") Duration behindAfter,
                                       @DefaultValue("500") int pageSize) {

    public ReconciliationProperties {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("als.reconciliation.interval must not be negative, not " + interval);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("als.reconciliation.page-size must be at least 1, not " + pageSize);
        }
    }
}
