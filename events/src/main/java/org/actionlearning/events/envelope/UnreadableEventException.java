package org.actionlearning.events.envelope;

/** A record on the topic that this reader cannot turn into an event (a poison message). */
public class UnreadableEventException extends RuntimeException {
    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
