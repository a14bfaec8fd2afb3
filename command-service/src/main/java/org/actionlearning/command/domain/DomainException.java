package org.actionlearning.command.domain;

/**
 * A command the domain refuses, naming the request field at fault. The subclass says what kind of refusal it is,
 * which the web layer turns into the HTTP status; the domain itself knows nothing of HTTP.
 */
public abstract class DomainException extends RuntimeException {
    private final String field;

    protected DomainException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field whose value is refused, or null when the refusal is about the state as a whole. */
    public String field() {
        return field;
    }
}
