package org.actionlearning.events.envelope;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the JSON payload of one event type from {@code fromVersion} into {@code fromVersion + 1}. The same
 * upgrade serves the event store (as an Axon upcaster) and the readers of the Kafka topic.
 */
public interface PayloadUpgrade {

    String eventType();

    int fromVersion();

    /** Changes the payload in place into the next version. */
    void upgrade(ObjectNode payload);
}
