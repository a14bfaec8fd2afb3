package org.actionlearning.command.web;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The dates and numbers a command may carry: what the read models can store. Their columns are SQL dates and
 * {@code numeric(19,6)}, so a date in year 999999999 or a value of 1e400 would be accepted here and then stop the
 * projection on that event for every organisation. The bounds are wide for any business figure and date.
 */
public final class ValueBounds {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2200, 12, 31);
    /** Exclusive: a value's absolute value stays below this, leaving room for six decimals in 19 digits. */
    public static final BigDecimal LIMIT = BigDecimal.TEN.pow(12);

    public static final String DATE_RULE = "must be a date between " + EARLIEST + " and " + LATEST;
    public static final String NUMBER_RULE = "must be a finite number whose absolute value is below 10^12";

    private ValueBounds() {
    }

    public static boolean allows(LocalDate date) {
        return date == null || (!date.isBefore(EARLIEST) && !date.isAfter(LATEST));
    }

    public static boolean allows(BigDecimal value) {
        // compareTo looks at the exponents first, so even 1e999999999 is compared without expanding it
        return value == null || value.abs().compareTo(LIMIT) < 0;
    }

    public static boolean allows(double value) {
        return Double.isFinite(value) && Math.abs(value) < LIMIT.doubleValue();
    }
}
