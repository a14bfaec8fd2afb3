package org.actionlearning.eventstore.relay;

import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's transactional producer: each relay batch is one Kafka transaction, so a read_committed consumer sees a
 * batch whole or not at all, and never a later batch's records before an earlier one's. After any failure the
 * producer is closed and a new one is made for the next batch: its {@code initTransactions} aborts whatever the old
 * one left open (also after a restart, the transactional.id being stable) and fences a previous owner of the relay.
 * One batch at a time (the relay runs one thread).
 */
public class RelayProducer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RelayProducer.class);

    private final Supplier<Producer<String, byte[]>> factory;
    private Producer<String, byte[]> producer;
    private boolean inTransaction;

    public RelayProducer(Supplier<Producer<String, byte[]>> factory) {
        this.factory = factory;
    }

    public synchronized void begin() {
        if (inTransaction) {
            throw new IllegalStateException("a relay batch is already in a Kafka transaction: the relay runs on one "
                    + "thread (axon.eventhandling.processors.kafka-relay.thread-count=1)");
        }
        try {
            if (producer == null) {
                producer = factory.get();
                producer.initTransactions();
            }
            producer.beginTransaction();
            inTransaction = true;
        } catch (RuntimeException e) {
            reset();
            throw e;
        }
    }

    public synchronized void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record);
        } catch (RuntimeException e) {
            reset();
            throw e;
        }
    }

    /** Commits the batch: returns once Kafka acknowledged every record of it, or throws. */
    public synchronized void commit() {
        try {
            producer.commitTransaction();
            inTransaction = false;
        } catch (RuntimeException e) {
            reset();
            throw e;
        }
    }

    /** Abandons the batch: none of its records becomes visible to read_committed consumers. */
    public synchronized void abort() {
        if (!inTransaction) {
            return;
        }
        try {
            producer.abortTransaction();
            inTransaction = false;
        } catch (RuntimeException e) {
            log.warn("Could not abort the relay's Kafka transaction ({}); a new producer will", e.toString());
            reset();
        }
    }

    private void reset() {
        inTransaction = false;
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                log.debug("closing the relay producer", e);
            }
            producer = null;
        }
    }

    @Override
    public synchronized void close() {
        abort();
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
