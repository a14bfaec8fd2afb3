package org.actionlearning.command.domain;

/** A value that no state could accept: a negative amount, a percentage above 100 (HTTP 400). */
public class InvalidCommandValue extends RuntimeException {
    private final String field;

    public InvalidCommandValue(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
