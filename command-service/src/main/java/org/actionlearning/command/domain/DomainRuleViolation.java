package org.actionlearning.command.domain;

/** A command that breaks an invariant of the aggregate's current state (HTTP 409). */
public class DomainRuleViolation extends RuntimeException {
    private final String field;

    public DomainRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field whose value breaks the rule, or null when the rule is about the state as a whole. */
    public String field() {
        return field;
    }
}
