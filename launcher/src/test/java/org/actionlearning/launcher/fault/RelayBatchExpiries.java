package org.actionlearning.launcher.fault;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * Counts the relay's failures caused by an expired producer batch (after delivery.timeout.ms), from the log of the command service running in this JVM: the evidence that
 * a round really let a batch expire, not only made the relay wait.
 */
final class RelayBatchExpiries extends AppenderBase<ILoggingEvent> implements AutoCloseable {

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

    int count() {
        return expiries.get();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (expired(event.getFormattedMessage())) {
            expiries.incrementAndGet();
            return;
        }
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            if (expired(cause.getMessage())) {
                expiries.incrementAndGet();
                return;
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
