package org.actionlearning.query.web;

/** A request parameter whose value the API does not accept: answered with 400 naming the parameter. */
public class InvalidParameter extends RuntimeException {

    private final String field;

    public InvalidParameter(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
