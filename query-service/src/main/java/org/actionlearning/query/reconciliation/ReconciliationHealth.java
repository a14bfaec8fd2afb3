package org.actionlearning.query.reconciliation;

import java.util.List;
import org.actionlearning.projection.ParkedEventsHealth;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Actuator component "reconciliation": WARNING while an aggregate has been behind the command service for longer
 * than {@code als.reconciliation.behind-after}; UNKNOWN before the first check. Not part of readiness: being behind
 * is a reason to alert, not to stop answering.
 */
@Component("reconciliationHealthIndicator")
public class ReconciliationHealth extends AbstractHealthIndicator {

    private final Reconciliation reconciliation;
    private final ReconciliationProperties properties;

    public ReconciliationHealth(Reconciliation reconciliation, ReconciliationProperties properties) {
        this.reconciliation = reconciliation;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Reconciliation.Report report = reconciliation.last();
        if (report == null) {
            builder.unknown().withDetail("reconciliation", "not checked yet");
            return;
        }
        List<Reconciliation.Mismatch> tooLong = reconciliation.behindTooLong();
        // a check that could not read the command service's positions checked nothing: not UP, but an alert's matter
        builder.status(tooLong.isEmpty() && report.error() == null ? Status.UP : ParkedEventsHealth.WARNING)
                .withDetail("checkedAt", report.checkedAt().toString())
                .withDetail("mismatches", report.mismatches().size());
        if (report.error() != null) {
            builder.withDetail("error", report.error());
        }
        if (!tooLong.isEmpty()) {
            builder.withDetail("behindLongerThan", properties.behindAfter().toString())
                    .withDetail("behind", tooLong.stream().limit(10)
                            .map(m -> m.aggregateId() + ": " + m.stoppedAt() + " since " + m.behindSince()).toList());
        }
    }
}
