package org.actionlearning.launcher.fault;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * Counts the relay's failed batches (Kafka did not commit them: aborted, retried), and those of them failed by an
 * expired producer batch (after delivery.timeout.ms), from the log of the command service running in this JVM: the
 * evidence that a round really broke a batch, not only made the relay wait. (With one broker, coordinator and leader
 * at once, a batch expires only when the broker goes while its records are unacknowledged; stopped between the
 * records' acknowledgement and the commit, the commit times out instead, and a batch begun with no broker waits
 * for the coordinator without expiring.)
 */
final class RelayBatchExpiries extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger expiries = new AtomicInteger();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    static RelayBatchExpiries watch() {
        RelayBatchExpiries watch = new RelayBatchExpiries();
        watch.setName("relay-batch-expiries");
        watch.setContext(watch.root.getLoggerContext());
        watch.start();
        watch.root.addAppender(watch);
        return watch;
    }

    /** Relay batches that Kafka did not commit. */
    int failures() {
        return failures.get();
    }

    /** Of those, the ones whose records expired. */
    int expiries() {
        return expiries.get();
    }

    @Override
    protected void append(ILoggingEvent event) {
        boolean failed = false;
        boolean expired = false;
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            failed |= cause.getMessage() != null && cause.getMessage().contains("Kafka did not commit a batch");
            expired |= expired(cause.getMessage());
        }
        if (failed) {
            failures.incrementAndGet();
            if (expired) {
                expiries.incrementAndGet();
            }
        }
    }

    /**
     * Kafka's words for an expired batch: the producer's own ("... ms has passed since batch creation"), or, in a
     * transaction, what the commit then fails with.
     */
    private static boolean expired(String message) {
        return message != null && (message.contains("since batch creation")
                || message.contains("hasn't received acknowledgment for some previously sent messages"));
    }

    @Override
    public void close() {
        root.detachAppender(this);
        stop();
    }
}
