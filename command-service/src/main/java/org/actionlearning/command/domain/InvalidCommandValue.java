package org.actionlearning.command.domain;

/** A value that no state could accept: a negative amount, a percentage above 100 (HTTP 400). */
public class InvalidCommandValue extends DomainException {

    public InvalidCommandValue(String field, String message) {
        super(field, message);
    }
}
