package org.actionlearning.command.domain;

/** A command that breaks an invariant of the aggregate's current state (HTTP 409). */
public class DomainRuleViolation extends DomainException {

    public DomainRuleViolation(String field, String message) {
        super(field, message);
    }
}
