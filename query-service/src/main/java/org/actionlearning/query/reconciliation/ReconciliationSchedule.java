package org.actionlearning.query.reconciliation;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs the reconciliation every {@code als.reconciliation.interval} (not at all when it is 0). */
@Component
public class ReconciliationSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationSchedule.class);

    private final Reconciliation reconciliation;
    private final ReconciliationProperties properties;
    private ScheduledExecutorService scheduler;

    public ReconciliationSchedule(Reconciliation reconciliation, ReconciliationProperties properties) {
        this.reconciliation = reconciliation;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        long every = properties.interval().toMillis();
        if (every == 0) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "reconciliation"));
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                reconciliation.check();
            } catch (RuntimeException e) { // the next run tries again
                log.warn("Reconciliation failed: {}", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
