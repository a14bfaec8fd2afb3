package org.actionlearning.query.read;

import java.util.UUID;

/** A path id that names nothing in the read models: answered with 404 naming the parameter. */
public class UnknownResource extends RuntimeException {

    private final String field;

    public UnknownResource(String field, String what, UUID id) {
        super("no " + what + " with id " + id);
        this.field = field;
    }

    /** The request parameter holding the unknown id, e.g. {@code programmeId}. */
    public String field() {
        return field;
    }
}
