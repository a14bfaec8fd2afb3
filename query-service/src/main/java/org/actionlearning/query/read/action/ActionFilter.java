package org.actionlearning.query.read.action;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.actionlearning.analytics.followthrough.ActionRecord;

/** The values of the actions' {@code status} filter; an action is listed if it matches any of those asked for. */
public enum ActionFilter {
    OPEN,
    /** Open and due before the as-of date. */
    OVERDUE,
    COMPLETED,
    ABANDONED;

    public boolean matches(ActionRecord action, LocalDate asOf) {
        return switch (this) {
            case OPEN -> action.isOpen();
            case OVERDUE -> action.isOverdueOn(asOf);
            case COMPLETED -> action.isCompleted();
            case ABANDONED -> action.isAbandoned();
        };
    }

    /** The filter named {@code value}, in any case ({@code open}, {@code OPEN}). */
    public static Optional<ActionFilter> named(String value) {
        return Arrays.stream(values()).filter(f -> f.name().equals(value.trim().toUpperCase(Locale.ROOT))).findFirst();
    }

    /** The accepted spellings, as listed in error messages. */
    public static String accepted() {
        return String.join(", ", Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
    }
}
