package org.actionlearning.command.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The checks aggregates share, so that each rule is worded and enforced in one place. */
public final class Rules {

    private Rules() {
    }

    /** Throws a 409 rule violation unless {@code holds}. */
    public static void require(boolean holds, String field, String message) {
        if (!holds) {
            throw new DomainRuleViolation(field, message);
        }
    }

    public static void percentage(String field, int value) {
        if (value < 0 || value > 100) {
            throw new InvalidCommandValue(field, "must be between 0 and 100, was " + value);
        }
    }

    public static void notNegative(String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            throw new InvalidCommandValue(field, "must not be negative, was " + value.toPlainString());
        }
    }

    public static void notNegative(String field, Integer value) {
        if (value != null && value < 0) {
            throw new InvalidCommandValue(field, "must not be negative, was " + value);
        }
    }

    public static void positive(String field, BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            throw new InvalidCommandValue(field, "must be greater than 0");
        }
    }

    public static void positive(String field, int value) {
        if (value <= 0) {
            throw new InvalidCommandValue(field, "must be greater than 0, was " + value);
        }
    }

    /** A business date may not precede the date it follows from (e.g. completion before commitment). */
    public static void notBefore(String field, LocalDate date, LocalDate earliest, String earliestName) {
        if (date.isBefore(earliest)) {
            throw new DomainRuleViolation(field, "must not be before %s (%s), was %s".formatted(earliestName, earliest, date));
        }
    }
}
