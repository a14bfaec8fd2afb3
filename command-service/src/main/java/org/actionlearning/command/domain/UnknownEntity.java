package org.actionlearning.command.domain;

/** A reference to something inside an aggregate that does not exist, such as a meeting of a set (HTTP 404). */
public class UnknownEntity extends DomainException {

    public UnknownEntity(String field, String message) {
        super(field, message);
    }
}
