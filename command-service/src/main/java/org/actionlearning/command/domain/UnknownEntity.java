package org.actionlearning.command.domain;

/** A reference to something inside an aggregate that does not exist, such as a meeting of a set (HTTP 404). */
public class UnknownEntity extends RuntimeException {
    private final String field;

    public UnknownEntity(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
